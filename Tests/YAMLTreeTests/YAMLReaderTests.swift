import SourceDiagnostics
import Testing
import YAMLTree

/// Reads `text` as `t.yaml` and returns its documents and diagnostics.
func readYAML(_ text: String, limits: YAMLLimits = .default) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
  let (file, sourceDiagnostics) = YAMLSource.make(path: "t.yaml", bytes: Array(text.utf8), limits: limits)
  if !sourceDiagnostics.isEmpty { return ([], sourceDiagnostics) }
  return YAMLReader(limits: limits).read(file)
}

/// The node at a path of keys and indices.
func node(_ root: YAMLNode?, _ path: [Any]) -> YAMLNode? {
  var current = root
  for step in path {
    if let key = step as? String {
      current = current?[key]
    } else if let index = step as? Int {
      current = current?.sequence?[index]
    }
  }
  return current
}

@Suite struct YAMLReaderTests {
  struct PositionCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let path: [String]
    let index: Int?
    let spanText: String
    let line: Int
    let column: Int
    var testDescription: String { name }
  }

  static let positions: [PositionCase] = [
    .init(name: "block mapping value", yaml: "a: 1\nbezoekers: 150\n", path: ["bezoekers"], index: nil, spanText: "150", line: 2, column: 12),
    .init(name: "after accented key", yaml: "café: één\nnaam: x\n", path: ["café"], index: nil, spanText: "één", line: 1, column: 7),
    .init(name: "value after accents on same line", yaml: "t: {é: één, b: twee}\n", path: ["t", "b"], index: nil, spanText: "twee", line: 1, column: 16),
    .init(name: "flow sequence item", yaml: "l: [aa, 'bb', \"cc\"]\n", path: ["l"], index: 1, spanText: "'bb'", line: 1, column: 9),
    .init(name: "block sequence item", yaml: "l:\n  - x\n  - yy\n", path: ["l"], index: 1, spanText: "yy", line: 3, column: 5),
    .init(name: "nested mapping", yaml: "a:\n  b:\n    c: diep\n", path: ["a", "b", "c"], index: nil, spanText: "diep", line: 3, column: 8),
    .init(name: "crlf lines", yaml: "a: 1\r\nb: twee\r\n", path: ["b"], index: nil, spanText: "twee", line: 2, column: 4),
    .init(name: "emoji before value", yaml: "t: 🎉\nu: feest\n", path: ["u"], index: nil, spanText: "feest", line: 2, column: 4),
  ]

  @Test(arguments: positions)
  func nodePositions(_ c: PositionCase) throws {
    let (documents, diagnostics) = readYAML(c.yaml)
    #expect(diagnostics.isEmpty)
    var found = node(documents.first?.root, c.path)
    if let index = c.index { found = found?.sequence?[index] }
    let target = try #require(found)
    #expect(target.span.text == c.spanText)
    #expect(target.span.startLocation == SourceLocation(line: c.line, column: c.column))
  }

  @Test func blockScalarKeepsStyleAndMapsIntoFile() throws {
    let yaml = "regel:\n  als: |\n    bezoekers > 150\n    and einde <= 23:00\n"
    let (documents, diagnostics) = readYAML(yaml)
    #expect(diagnostics.isEmpty)
    let scalar = try #require(documents.first?.root?["regel"]?["als"])
    #expect(scalar.scalarStyle == .literal)
    #expect(scalar.scalar == "bezoekers > 150\nand einde <= 23:00\n")
    let embedded = try #require(scalar.embeddedSource)
    let local = Array(embedded.text.utf8)
    let start = try #require(local.firstIndex(of: UInt8(ascii: "2")))
    let span = embedded.span(start, start + 5)
    #expect(span.text == "23:00")
    #expect(span.startLocation == SourceLocation(line: 4, column: 18))
  }

  @Test(arguments: ["no", "on", "08", "1e3", "2024-01-01", "yes", "NO", "~", "0x1F"])
  func scalarsStayText(_ word: String) throws {
    let (documents, _) = readYAML("land: \(word)\n")
    let value = try #require(documents.first?.root?["land"])
    #expect(value.scalar == word)
    #expect(value.scalarStyle == .plain)
  }

  @Test func quotedStylesAreRecorded() throws {
    let (documents, _) = readYAML("a: 'no'\nb: \"08\"\nc: >\n  gevouwen\n  tekst\n")
    let root = try #require(documents.first?.root)
    #expect(root["a"]?.scalarStyle == .singleQuoted)
    #expect(root["b"]?.scalarStyle == .doubleQuoted)
    #expect(root["c"]?.scalarStyle == .folded)
    #expect(root["c"]?.scalar == "gevouwen tekst\n")
  }

  @Test func multiDocumentStream() throws {
    let (documents, diagnostics) = readYAML("---\nid: 1\n---\nid: 2\n---\nid: 3\n")
    #expect(diagnostics.isEmpty)
    #expect(documents.compactMap { $0.root?["id"]?.scalar } == ["1", "2", "3"])
    #expect(documents[2].root?["id"]?.span.startLocation.line == 6)
  }

  @Test func documentsStreamOneAtATime() {
    let (file, _) = YAMLSource.make(path: "s.yaml", bytes: Array("a: 1\n---\na: 2\n---\na: [\n".utf8))
    let stream = YAMLReader().documentStream(file)
    #expect(stream.next()?.root?["a"]?.scalar == "1")
    #expect(stream.next()?.root?["a"]?.scalar == "2")
    #expect(stream.next() == nil)
    #expect(stream.diagnostics.first?.code == "yaml.syntax")
  }

  @Test func duplicateKeyAtSecondWithNoteAtFirst() throws {
    let (_, diagnostics) = readYAML("naam: a\nbezoekers: 1\nnaam: b\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code == "yaml.duplicate-key")
    #expect(diagnostic.span?.startLocation == SourceLocation(line: 3, column: 1))
    #expect(diagnostic.notes.first?.span?.startLocation == SourceLocation(line: 1, column: 1))
  }

  /// Small mappings find duplicates by a scan, large ones by a table: every size and every
  /// position of the first occurrence must be found, the boundary between the two included.
  @Test(arguments: [1, 2, 15, 16, 17, 31, 32, 33, 34, 100])
  func duplicateKeyFoundInMappingOfAnySize(_ keys: Int) throws {
    for first in [0, keys / 2, keys - 1] {
      let yaml = (0..<keys).map { "k\($0): \($0)\n" }.joined() + "k\(first): again\n"
      let (documents, diagnostics) = readYAML(yaml)
      #expect(diagnostics.map(\.code) == ["yaml.duplicate-key"], "\(keys) keys, duplicate of key \(first)")
      #expect(diagnostics.first?.notes.first?.span?.startLocation == SourceLocation(line: first + 1, column: 1))
      #expect(documents.first?.root?.mapping?.count == keys)
      #expect(documents.first?.root?["k\(first)"]?.scalar == "\(first)")
    }
  }

  @Test func aliasKeyIsCheckedForDuplicates() throws {
    let (_, diagnostics) = readYAML("a: &k naam\nnaam: 1\n*k : 2\n")
    #expect(diagnostics.map(\.code) == ["yaml.duplicate-key"])
    #expect(diagnostics.first?.span?.startLocation == SourceLocation(line: 3, column: 1))
  }

  @Test func aliasesShareTheirAnchor() throws {
    let (documents, diagnostics) = readYAML("a: &x {b: 1}\nc: *x\n")
    #expect(diagnostics.isEmpty)
    #expect(documents.first?.root?["c"]?["b"]?.scalar == "1")
  }

  @Test func libyamlColumnsCountCharacters() throws {
    // An error after multi-byte characters must point at the right column.
    let (_, diagnostics) = readYAML("naam: één\ncafé: \"open\n")
    let diagnostic = try #require(diagnostics.first)
    #expect(diagnostic.code == "yaml.syntax")
    #expect(diagnostic.notes.first?.span?.startLocation == SourceLocation(line: 2, column: 7))
  }
}

/// JSON's UTF-16 surrogate escapes, which YAML does not accept, are read as the characters they
/// encode, and the positions after them stay where they are.
@Suite struct JSONSurrogateTests {
  @Test func aSurrogatePairIsTheCharacterItEncodes() throws {
    let text = #"{"title": "feest \ud83c\udf89 \uD83D\uDE00", "n": [1, "x"]}"#
    let file = SourceFile(path: "x.json", text: text)
    let (root, diagnostics) = YAMLReader().readSingle(file)
    #expect(diagnostics.isEmpty)
    let pairs = try #require(root?.mapping)
    #expect(pairs[0].value.scalar == "feest 🎉 😀")
    // The key after the string is at its own column in the file.
    #expect(pairs[1].key.span.startLocation.column == text.distance(from: text.startIndex, to: text.range(of: #""n""#)!.lowerBound) + 1)
  }

  @Test func anUnpairedSurrogateIsTheReplacementCharacter() throws {
    for text in [#"["a\udc00b", "\ud800"]"#, #"["\ud800\u0041"]"#] {
      let (root, diagnostics) = YAMLReader().readSingle(SourceFile(path: "x.json", text: text))
      #expect(diagnostics.isEmpty, "\(text)")
      #expect(root?.sequence?.first?.scalar?.contains("\u{FFFD}") == true, "\(text)")
    }
  }

  @Test func anEscapedBackslashIsNotAnEscape() throws {
    let (root, diagnostics) = YAMLReader().readSingle(SourceFile(path: "x.json", text: #"["C:\\ud800"]"#))
    #expect(diagnostics.isEmpty)
    #expect(root?.sequence?.first?.scalar == #"C:\ud800"#)
  }

  @Test func yamlIsLeftAsItIs() throws {
    let (root, _) = YAMLReader().readSingle(SourceFile(path: "x.yaml", text: "title: 'a\\ud800'\n"))
    #expect(root?.mapping?.first?.value.scalar == "a\\ud800")
  }
}
