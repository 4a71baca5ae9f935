import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// One hostile input and the diagnostic it must produce.
struct HostileCase: Sendable, CustomTestStringConvertible {
  let name: String
  let bytes: @Sendable () -> [UInt8]
  let code: String
  let line: Int
  var testDescription: String { name }
}

@Suite struct HostileInputTests {
  static let cases: [HostileCase] = [
    .init(name: "alias bomb", bytes: { Array(aliasBomb.utf8) }, code: "yaml.too-many-nodes", line: 6),
    .init(name: "100 000 nested brackets", bytes: { Array((String(repeating: "[", count: 100_000) + "\n").utf8) }, code: "yaml.too-deep", line: 1),
    .init(name: "deep block nesting", bytes: { Array((0..<200).map { String(repeating: " ", count: $0) + "k:\n" }.joined().utf8) }, code: "yaml.too-deep", line: 65),
    .init(name: "duplicate keys", bytes: { Array("a: 1\na: 2\n".utf8) }, code: "yaml.duplicate-key", line: 2),
    .init(name: "invalid utf-8", bytes: { Array("naam: caf".utf8) + [0xE9] + Array("\n".utf8) }, code: "yaml.invalid-utf8", line: 1),
    .init(name: "overlong utf-8", bytes: { Array("a: 1\nb: ".utf8) + [0xC0, 0xAF] }, code: "yaml.invalid-utf8", line: 2),
    .init(name: "tab indentation", bytes: { Array("a:\n\tb: 1\n".utf8) }, code: "yaml.syntax", line: 2),
    .init(name: "10 MB scalar", bytes: { Array(("a: " + String(repeating: "x", count: 10_000_000) + "\n").utf8) }, code: "yaml.scalar-too-long", line: 1),
    .init(name: "undefined alias", bytes: { Array("a: *nergens\n".utf8) }, code: "yaml.undefined-alias", line: 1),
    .init(name: "binary garbage", bytes: { [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x7F, 0x80] }, code: "yaml.invalid-utf8", line: 1),
    .init(name: "NUL byte", bytes: { Array("a: b\u{0}c\n".utf8) }, code: "yaml.syntax", line: 1),
    .init(name: "unclosed flow mapping", bytes: { Array("a: {b: 1\nc: 2\n".utf8) }, code: "yaml.syntax", line: 2),
  ]

  static let aliasBomb = """
    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
    i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
    j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]
    """

  @Test(arguments: cases)
  func hostileInputGivesPositionedError(_ c: HostileCase) throws {
    let limits = YAMLLimits(maxNodes: 1_000_000)
    let (file, sourceDiagnostics) = YAMLSource.make(path: "hostile.yaml", bytes: c.bytes(), limits: limits)
    let diagnostics = sourceDiagnostics.isEmpty ? YAMLReader(limits: limits).read(file).diagnostics : sourceDiagnostics
    let first = try #require(diagnostics.first { $0.severity == .error })
    #expect(first.code == c.code)
    #expect(first.span?.startLocation.line == c.line)
    let rendered = DiagnosticTextRenderer().render(first)
    #expect(rendered.hasPrefix("hostile.yaml:\(c.line):"))
  }

  @Test func oversizedFileIsRefusedBeforeParsing() {
    let limits = YAMLLimits(maxFileBytes: 1000)
    let (_, diagnostics) = YAMLSource.make(path: "big.yaml", bytes: Array(repeating: UInt8(ascii: "a"), count: 2000), limits: limits)
    #expect(diagnostics.map(\.code) == ["yaml.file-too-large"])
  }

  @Test func emptyFileHasNoDocuments() {
    let (file, _) = YAMLSource.make(path: "empty.yaml", bytes: [])
    let (documents, diagnostics) = YAMLReader().read(file)
    #expect(documents.isEmpty)
    #expect(diagnostics.isEmpty)
  }

  @Test func byteOrderMarkIsDropped() throws {
    let (file, _) = YAMLSource.make(path: "bom.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("a: x\n".utf8))
    let (documents, _) = YAMLReader().read(file)
    let value = try #require(documents.first?.root?["a"])
    #expect(value.span.startLocation == SourceLocation(line: 1, column: 4))
  }

  @Test func renderedDiagnosticsMatchGolden() {
    let inputs: [(String, String)] = [
      ("duplicate.yaml", "titel: Straatfeest\nbezoekers: 120\ntitel: Buurtfeest\n"),
      ("tab.yaml", "feiten:\n\tbezoekers: 120\n"),
      ("colon.yaml", "titel: Feest: groot\nbezoekers: 80\n"),
      ("accents.yaml", "omschrijving: één café\nlocatie: [plein, 'straat'\n"),
    ]
    var out = ""
    for (path, text) in inputs {
      let (file, _) = YAMLSource.make(path: path, bytes: Array(text.utf8))
      out += DiagnosticTextRenderer().render(YAMLReader().read(file).diagnostics)
    }
    if let mismatch = goldenMismatch(out, named: "hostile-diagnostics.txt") { Issue.record(Comment(rawValue: mismatch)) }
  }
}
