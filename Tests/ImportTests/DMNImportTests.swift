import Analysis
import Engine
import Foundation
import Import
import Rulebook
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport

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

/// The dormer DMN imported agrees with an independent reading of its tables (`DMNTables`) on a
/// seeded sample of answers: numbers at and around every threshold the cells name.
@Suite struct DMNAgreementTests {
  @Test func theDormerAgreesWithItsTables() throws {
    let file = ImportFixtures.files("dmn").first { $0.hasSuffix("ConclusieBouwenDakkapel.dmn") }!
    let tables = try DMNTables(path: file)
    let output = try Importer().importFile(path: file)
    let folder = NSTemporaryDirectory() + "bricoleur-dmn-agreement-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    _ = try Importer.write(output, to: folder)
    let rulebook = try #require(try RulebookLibrary.load(path: folder).rulebooks[output.rulebooks[0].id])
    let asked = tables.questions.filter { $0.fixed == nil }
    let slots = try asked.map { question in try #require(rulebook.slotsByName.first { rulebook.facts[$0.value].question.texts["nl"] == question.text }?.value, "no fact asks '\(question.text)'") }
    let day = CalendarDay(year: 2026, month: 6, day: 1)!
    var empty = FactBinder.bind(Initiative(id: "dmn", date: day), to: rulebook).0
    empty[rulebook.dateSlot] = .date(day)
    let evaluator = Evaluator(rulebook: rulebook)
    var random = SplitMix(seed: 2020)
    var disagreements = 0
    var conclusions: [String: Int] = [:]
    for _ in 0..<2000 {
      var answers = Dictionary(tables.questions.compactMap { question in question.fixed.map { (question.inputID, $0) } }, uniquingKeysWith: { a, _ in a })
      var facts = empty
      for (question, slot) in zip(asked, slots) {
        let answer = question.answers[Int.random(in: 0..<question.answers.count, using: &random)]
        answers[question.inputID] = answer
        let fact = rulebook.facts[slot]
        let text = fact.valueLabels.first { $0.value.texts["nl"] == answer }?.key ?? answer
        facts[slot] = try InputValueParser.value(text, as: fact.type, enumCases: rulebook.casesBySlot[slot]).get()
      }
      let conclusion = tables.conclusion(answers)
      conclusions[conclusion ?? "none", default: 0] += 1
      let expected: VerdictLevel = switch conclusion {
      case "Vergunningplicht": .permitRequired
      case "Meldingsplicht": .notificationRequired
      case "Verbod": .prohibited
      case "NeemContactOpMet", nil: .contactMunicipality
      default: .allowed  // Toestemmingsvrij, NietVanToepassing, Informatieplicht (a duty without a level)
      }
      let decided = evaluator.decideWithRules(facts, on: day)
      let (decision, applying) = (decided.decision, decided.applying)
      if !(decision.determined && decision.level == expected && applying.count == 1) {
        disagreements += 1
        if disagreements <= 3 { Issue.record("\(answers) → source \(conclusion ?? "none"), engine \(decision.level) \(applying)") }
      }
    }
    print("import agreement: ConclusieBouwenDakkapel.dmn: 2000 seeded combinations, \(disagreements) disagreements; conclusions \(conclusions.sorted { $0.key < $1.key })")
  }
}
