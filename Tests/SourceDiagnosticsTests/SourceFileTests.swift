import Foundation
import SourceDiagnostics
import Testing

@Suite struct SourceFileTests {
  struct LocationCase: Sendable, CustomTestStringConvertible {
    let name: String
    let text: String
    let needle: String
    let line: Int
    let column: Int
    var testDescription: String { name }
  }

  static let locations: [LocationCase] = [
    .init(name: "ascii", text: "a: 1\nb: 2\n", needle: "2", line: 2, column: 4),
    .init(name: "accents count as one column", text: "naam: één café\n", needle: "café", line: 1, column: 11),
    .init(name: "crlf", text: "a: 1\r\nb: x\r\n", needle: "x", line: 2, column: 4),
    .init(name: "lone cr", text: "a: 1\rb: x", needle: "x", line: 2, column: 4),
    .init(name: "emoji is one scalar", text: "t: 🎉 feest", needle: "feest", line: 1, column: 6),
  ]

  @Test(arguments: locations)
  func locationOfOffset(_ c: LocationCase) throws {
    let file = SourceFile(path: "t.yaml", text: c.text)
    let range = try #require(c.text.range(of: c.needle))
    let offset = c.text.utf8.distance(from: c.text.startIndex, to: range.lowerBound)
    #expect(file.location(of: offset) == SourceLocation(line: c.line, column: c.column))
    #expect(file.offset(line: c.line, column: c.column) == offset)
  }

  /// Every kind of break, at every position in an eight-byte word, and long ASCII runs that
  /// the line table skips a word at a time.
  @Test(arguments: ["\n", "\r\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"])
  func everyBreakStartsALine(_ lineBreak: String) {
    let lines = (0..<40).map { String(repeating: $0 % 3 == 0 ? "é" : "x", count: $0 % 19) }
    let file = SourceFile(path: "t.yaml", text: lines.joined(separator: lineBreak))
    #expect(file.lineCount == lines.count)
    for (index, line) in lines.enumerated() { #expect(file.lineText(index + 1) == line) }
  }

  @Test func caretLandsUnderValueAfterAccents() {
    let text = "titel: één café\nbezoekers: veel\n"
    let file = SourceFile(path: "Examples/x.yaml", text: text)
    let start = text.utf8.count - "veel\n".utf8.count
    let diagnostic = Diagnostic.error("yaml.test", "value 'veel' is not a number", at: file.span(start, start + 4), help: "write a whole number")
    let rendered = DiagnosticTextRenderer().render(diagnostic)
    #expect(rendered == """
      Examples/x.yaml:2:12: error: value 'veel' is not a number [yaml.test]
        |
      2 | bezoekers: veel
        |            ^~~~
         = help: write a whole number

      """)
    let cafe = "titel: één ".utf8.count
    let accented = file.span(cafe, cafe + "café".utf8.count)
    let line = DiagnosticTextRenderer().render(Diagnostic.error("yaml.test", "x", at: accented))
    #expect(line.contains("1 | titel: één café\n  |            ^~~~\n"))
  }

  @Test func collectorSortsAndCaps() {
    let file = SourceFile(path: "a.yaml", text: "x\ny\nz\n")
    var collector = DiagnosticCollector(limit: 2)
    collector.add(.error("c", "third", at: file.span(4, 5)))
    collector.add(.error("c", "first", at: file.span(0, 1)))
    collector.add(.error("c", "second", at: file.span(2, 3)))
    let sorted = collector.sorted()
    #expect(sorted.map(\.message) == ["first", "third", "1 more diagnostics not shown"])
    #expect(collector.hasErrors)
  }

  @Test func embeddedSourceMapsToFile() {
    let text = "if: |\n  visitors >\n    150\n"
    let file = SourceFile(path: "r.yaml", text: text)
    let value = "visitors >\n  150\n"
    var offsets: [Int] = []
    // value bytes sit at file offset 8 onwards, with the 2-space indent removed
    let base = 8
    for i in 0..<11 { offsets.append(base + i) }
    for i in 0..<6 { offsets.append(base + 11 + 2 + i) }
    offsets.append(base + 11 + 2 + 6)
    let embedded = EmbeddedSource(file: file, text: value, offsets: offsets)
    let span = embedded.span(13, 16)
    #expect(span.text == "150")
    #expect(span.startLocation == SourceLocation(line: 3, column: 5))
  }

  @Test(arguments: [("visitor", "visitors"), ("straatfest", "straatfeest"), ("zzz", nil)] as [(String, String?)])
  func didYouMean(_ word: String, _ expected: String?) {
    #expect(Suggestions.closest(to: word, in: ["visitors", "straatfeest", "end"]) == expected)
  }
}

@Suite struct LongLineTests {
  @Test func longLineIsShownAsAWindowWithTheCaretInPlace() {
    let text = String(repeating: "a", count: 5_000) + "FOUT" + String(repeating: "b", count: 5_000)
    let file = SourceFile(path: "long.yaml", text: text)
    let rendered = DiagnosticTextRenderer().render(.error("yaml.test", "x", at: file.span(5_000, 5_004)))
    let lines = rendered.split(separator: "\n")
    #expect(lines[2].count < 200)
    let source = lines[2].dropFirst(4)  // "1 | "
    let caret = lines[3].dropFirst(4)
    let column = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
    let found = source.firstRange(of: "FOUT").map { source.distance(from: source.startIndex, to: $0.lowerBound) }
    #expect(column == found)
    #expect(source.hasPrefix("…") && source.hasSuffix("…"))
  }
}
