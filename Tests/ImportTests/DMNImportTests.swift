import Analysis
import Foundation
import Import
import Rulebook
import SourceDiagnostics
import Testing

/// The three STTR DMN files import without errors into rulebooks that load and lint clean; what
/// they hold that a rulebook cannot (a literal-expression decision, structured measures) is
/// reported at its line.
@Suite struct DMNImportTests {
  static let files = ImportFixtures.files("dmn")

  @Test func threeFiles() { #expect(Self.files.count == 3) }

  @Test(arguments: files)
  func importsAndLintsClean(_ file: String) throws {
    let output = try Importer().importFile(path: file)
    #expect(!output.diagnostics.hasErrors, "\(output.diagnostics.map { "\($0.location?.description ?? ""): \($0.message)" })")
    let book = try #require(output.rulebooks.first)
    let folder = NSTemporaryDirectory() + "bricoleur-dmn-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Importer.write(output, to: folder)
    let library = try RulebookLibrary.load(path: "\(folder)/\(book.id)")
    #expect(!library.diagnostics.hasErrors, "\(library.diagnostics.map(\.message))")
    let compiled = try #require(library.rulebooks[book.id])
    let findings = Linter().lint(library, rulebooks: [compiled.id])
    #expect(findings.isEmpty, "\(findings.map { "\($0.code): \($0.message)" })")
  }

  @Test func theDormerTablesBecomeRules() throws {
    let output = try Importer().importFile(path: Self.files.first { $0.hasSuffix("ConclusieBouwenDakkapel.dmn") }!)
    let book = try #require(output.rulebooks.first)
    let files = try #require(output.files[book.id])
    let questions = try #require(files.first { $0.name == "vragen.yaml" }?.text)
    // A number question, a list question with its options, priorities from inter:prioriteit.
    #expect(questions.contains("type: decimal"))
    #expect(questions.contains("\"Achterkant\"") && questions.contains("priority: 210"))
    let rules = try #require(files.first { $0.name == "conclusies.yaml" }?.text)
    #expect(rules.contains("outcome: {level: permit") && rules.contains("outcome: allowed"))
    // Citations from the Akoma Ntoso legal sources.
    #expect(rules.contains("regulation: akn_gm0503_2019_reg456"))
  }

  @Test func unmappableDecisionsAreReportedWithTheirLine() throws {
    let events = try Importer().importFile(path: Self.files.first { $0.hasSuffix("IndieningsvereistenVergunningEvenementOrganiseren.dmn") }!)
    let literal = try #require(events.diagnostics.first { $0.code == ImportDiagnostics.unsupportedDecision })
    #expect(literal.location?.line == 520 && literal.message.contains("literal expressions"))
    let oil = try Importer().importFile(path: Self.files.first { $0.hasSuffix("MaatregelenOpslaanOlieproducten.dmn") }!)
    let structured = oil.diagnostics.filter { $0.code == ImportDiagnostics.unsupportedDecision }
    #expect(structured.count == 17 && structured.allSatisfy { $0.message.contains("structured output") })
  }
}
