import Foundation
import Import
import SourceDiagnostics
import Testing
import YAMLTree

/// XML is hostile input: DTDs, entity declarations and external entities are refused before
/// parsing, and size, nesting and element count are limited as for YAML. Each refusal is a
/// diagnostic at its line, never a crash or a hang.
@Suite struct HostileXMLTests {
  struct Row: Sendable, CustomTestStringConvertible {
    var name: String
    var text: @Sendable () -> String
    var code: String
    var line: Int
    var testDescription: String { name }
  }

  static let billionLaughs = """
    <?xml version="1.0"?>
    <!DOCTYPE lolz [
      <!ENTITY lol "lol">
      <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
    ]>
    <definitions>&lol3;</definitions>
    """

  static let rows: [Row] = [
    Row(name: "billion laughs", text: { billionLaughs }, code: ImportDiagnostics.entity, line: 2),
    Row(name: "external entity", text: {
      "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<definitions>&xxe;</definitions>\n"
    }, code: ImportDiagnostics.entity, line: 2),
    Row(name: "external DTD", text: {
      "<?xml version=\"1.0\"?>\n\n<!doctype definitions SYSTEM \"http://example.org/evil.dtd\">\n<definitions/>\n"
    }, code: ImportDiagnostics.entity, line: 3),
    Row(name: "undeclared entity", text: { "<definitions>\n<a>&nergens;</a>\n</definitions>\n" }, code: ImportDiagnostics.entity, line: 2),
    Row(name: "no decisions", text: { "<definitions>\n</definitions>\n" }, code: ImportDiagnostics.malformed, line: 1),
    Row(name: "100 000 nested elements", text: {
      "<definitions>\n" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</definitions>"
    }, code: ImportDiagnostics.limit, line: 2),
    Row(name: "unclosed element", text: { "<definitions>\n<decision>\n</definitions>\n" }, code: ImportDiagnostics.malformed, line: 3),
    Row(name: "not DMN", text: { "<?xml version=\"1.0\"?>\n<html/>\n" }, code: ImportDiagnostics.malformed, line: 2),
    Row(name: "binary garbage", text: { "\u{0}\u{1}\u{FFFD}<<>>" }, code: ImportDiagnostics.malformed, line: 1),
  ]

  @Test(arguments: rows)
  func refusedWithAPositionedError(_ row: Row) throws {
    let output = Importer().importData(Data(row.text().utf8), path: "hostile.dmn")
    #expect(output.rulebooks.isEmpty)
    let error = try #require(output.diagnostics.first { $0.severity == .error }, "\(output.diagnostics)")
    #expect(error.code == row.code, "\(error.message)")
    #expect(error.location?.line == row.line, "\(error.message) at \(String(describing: error.location))")
  }

  @Test func tooManyElements() throws {
    let limits = YAMLLimits(maxFileBytes: 1 << 20, maxDepth: 64, maxNodes: 1000, maxScalarBytes: 1 << 16)
    let text = "<definitions>\n" + String(repeating: "<a/>\n", count: 5000) + "</definitions>\n"
    let output = Importer(limits: limits).importData(Data(text.utf8), path: "many.dmn")
    let error = try #require(output.diagnostics.first)
    #expect(error.code == ImportDiagnostics.limit && error.message.contains("1000 elements"))
  }

  @Test func tooLargeAFile() throws {
    let limits = YAMLLimits(maxFileBytes: 1000, maxDepth: 64, maxNodes: 1000, maxScalarBytes: 1000)
    let text = "<definitions>" + String(repeating: " ", count: 2000) + "</definitions>"
    for path in ["big.dmn", "big.json"] {
      let output = Importer(limits: limits).importData(Data(text.utf8), path: path)
      #expect(output.diagnostics.first?.code == ImportDiagnostics.limit, "\(path): \(output.diagnostics.map(\.message))")
    }
  }

  @Test func deepJSONIsRefusedBeforeParsing() throws {
    let text = "{\"permits\": " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "}"
    let output = Importer().importData(Data(text.utf8), path: "deep.json")
    #expect(output.diagnostics.first?.code == ImportDiagnostics.limit)
  }

  @Test func malformedJSONNamesThePath() throws {
    let text = "{\"permits\": [{\"name\": \"x\", \"questions\": [{\"id\": 1}], \"decisions\": {}}]}"
    let output = Importer().importData(Data(text.utf8), path: "bad.json")
    let error = try #require(output.diagnostics.first)
    #expect(error.code == ImportDiagnostics.malformed)
    #expect(error.message.contains("$.permits[0].questions[0]"), "\(error.message)")
  }
}
