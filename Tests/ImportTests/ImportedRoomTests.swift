import Engine
import Foundation
import Import
import Reports
import Room
import Rulebook
import RuleLanguage
import Testing

/// An imported check gets what every rulebook gets: with the side of the house not yet known,
/// the dormer check's verdict is open, the side decides it (front: permit; back: none needed),
/// the interview asks it first, and the answer names the source and its licence.
@Suite struct ImportedRoomTests {
  static let answers: [(String, String)] = [
    ("gebouw_dakkapel_plaatsen_gebied", "ja"), ("gebouw_monument", "geen_monument"),
    ("dakkapel_plaatsen_vernieuwen", "nieuwe_dakkapel_plaatsen_plek"), ("verandert_vorm_grootte_profiel", "ja_dakkapel_verandert"),
    ("dakkapel_plaatsen_vernieuwen_2", "nieuwe_dakkapel_plaatsen_plek"), ("verandert_vorm_grootte_profiel_2", "ja_vorm_grootte_profiel"),
    ("kant_straat_fietspad_voetpad", "nee"), ("kant_gracht_kanaal_ander", "nee"), ("kant_plein_park_parkeerplaats", "nee"),
    ("gebouw_beschermd_stads_dorpsgezicht", "nee_gebouw_niet_beschermd"), ("kant_straat_fietspad_voetpad_2", "nee"),
    ("kant_gracht_kanaal_ander_2", "nee"), ("kant_plein_park_parkeerplaats_2", "nee"), ("krijgt_dakkapel_plat_dak", "ja"),
    ("dakkapel_hoger_1_75", "nee"), ("afstand_laagste_punt_dak", "ja"), ("afstand_tussen_bovenkant_dakkapel", "ja"),
    ("afstanden_tussen_zijkanten_dakkapel", "ja"),
  ]

  /// The dormer with the answers above, and the side of the house when given.
  static func evaluation(side: String? = nil) throws -> Evaluation {
    let check = try #require(ImportFixtures.imported.first { $0.file == "dakkapel-plaatsen.json" && $0.tables.name == "Dakkapel bouwen" })
    let initiative = Initiative(
      id: "dakkapel-kant-onbekend", date: CalendarDay(year: 2026, month: 6, day: 1),
      facts: (answers + (side.map { [("kant_gebouw_dakkapel_plaatsen", $0)] } ?? [])).map { RawFact(name: $0.0, text: $0.1) })
    let result = RuleEngine(library: check.library).check(initiative, options: .init(rulebook: "dakkapel-bouwen"))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return try #require(result.evaluation)
  }

  @Test func theSideOfTheHouseDecides() throws {
    let evaluation = try Self.evaluation()
    #expect(!evaluation.verdict.determined)
    let room = RoomAnalyzer().analyze(evaluation)
    let side = try #require(room.decidingUnknowns.first { $0.fact == "kant_gebouw_dakkapel_plaatsen" }, "\(room.decidingUnknowns.map(\.fact))")
    let levels = Dictionary(side.outcomes.map { ($0.value, $0.verdict.level) }, uniquingKeysWith: { a, _ in a })
    #expect(levels[.enumCase("voorkant")] == .permitRequired)
    #expect(levels[.enumCase("achterkant")] == .allowed)
    #expect(Interview(evaluation: evaluation).nextQuestion()?.fact.name == "kant_gebouw_dakkapel_plaatsen")
  }

  /// A permit check names no municipality: loaded on its own, it answers an initiative that
  /// names one (as a resident's does), instead of refusing it for a municipality it does not know.
  @Test func aCheckLoadedOnItsOwnAnswersWhereverTheInitiativeIs() throws {
    let check = try #require(ImportFixtures.imported.first { $0.file == "dakkapel-plaatsen.json" && $0.tables.name == "Dakkapel bouwen" })
    let initiative = Initiative(id: "dakkapel", municipality: "Amsterdam", facts: [RawFact(name: "kant_gebouw_dakkapel_plaatsen", text: "achterkant")])
    let alone = try RulebookLibrary.load(path: "\(ImportFixtures.root)/dakkapel-plaatsen.json/dakkapel-bouwen")
    let result = RuleEngine(library: alone).check(initiative)
    #expect(result.evaluation?.rulebook.id == "dakkapel-bouwen", "\(result.diagnostics.map(\.message))")
    // Two checks loaded together: the initiative chooses one, and the help names them.
    #expect(check.library.rulebooks.count == 2)
    let unchosen = RuleEngine(library: check.library).check(initiative)
    #expect(unchosen.evaluation == nil)
    #expect(unchosen.diagnostics.first?.help?.contains("--rulebook (dakkapel-bouwen, ") == true, "\(unchosen.diagnostics.map { $0.help ?? "" })")
  }

  @Test func everyAnswerNamesTheSourceAndLicence() throws {
    let evaluation = try Self.evaluation()
    let text = EvaluationTextRenderer(language: "nl").render(evaluation)
    #expect(text.contains("vergunningcheck van de gemeente Amsterdam") && text.contains("MPL-2.0, © Gemeente Amsterdam"), "\(text.prefix(400))")
    let json = EvaluationJSONRenderer(language: "nl").render(evaluation)
    guard case .object(let fields) = json, let notice = fields.first(where: { $0.0 == "notice" })?.1, case .string(let sentence) = notice else {
      Issue.record("no notice in \(json)")
      return
    }
    #expect(sentence.contains("MPL-2.0"))
  }

  /// With nothing answered, the interview asks the deciding questions in the source's order.
  @Test func theInterviewAsksInTheSourcesOrder() throws {
    let check = try #require(ImportFixtures.imported.first { $0.file == "dakkapel-plaatsen.json" && $0.tables.name == "Dakkapel bouwen" })
    let rulebook = try #require(check.rulebook)
    let interview = Interview(initiative: Initiative(id: "leeg", date: CalendarDay(year: 2026, month: 6, day: 1)), rulebook: rulebook)
    let priorities = interview.questions().compactMap(\.fact.priority)
    #expect(!priorities.isEmpty && priorities == priorities.sorted(), "\(priorities)")
    #expect(interview.nextQuestion()?.fact.name == "gebouw_dakkapel_plaatsen_gebied")
  }
}
