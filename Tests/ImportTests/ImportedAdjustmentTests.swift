import Engine
import Foundation
import Import
import Reports
import Room
import Rulebook
import RuleLanguage
import Testing

/// The room to manoeuvre on imported checks: for an initiative that needs a permit, the room
/// offers a concrete change of the plan that needs none (or less), in words a resident reads;
/// and with nothing answered, the interview asks in the source's priority order.
@Suite struct ImportedAdjustmentTests {
  /// An imported check with answers that need a permit, and the change the room must offer.
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var file: String
    var permit: String
    var rulebook: String
    var answers: [(String, String)]
    /// The fact the offered change sets, the values it may set, and the level it reaches.
    var fact: String
    var values: [Value]
    var level: VerdictLevel
    /// Words the offered change must read with: the fact's label and the new value's label.
    var words: [String]

    var testDescription: String { name }
  }

  static let dormer = Case(
    name: "dormer on the front", file: "dakkapel-plaatsen.json", permit: "Dakkapel bouwen", rulebook: "dakkapel-bouwen",
    answers: ImportedRoomTests.answers + [("kant_gebouw_dakkapel_plaatsen", "voorkant")],
    fact: "kant_gebouw_dakkapel_plaatsen", values: [.enumCase("achterkant"), .enumCase("zijkant")], level: .allowed,
    words: ["Met de kant van het gebouw ", "kant in plaats van Voorkant is het oordeel: toegestaan; niet meer nodig: Dakkapel bouwen"])

  static let solar = Case(
    name: "solar panels on a flat roof too close to the edge", file: "zonnepanelen-of-zonneboiler-plaatsen.json",
    permit: "Zonnepaneel en zonneboiler bouwen", rulebook: "zonnepaneel-zonneboiler-bouwen",
    answers: [
      ("zonnepanelen_zonneboiler_plaatsen", "zonnepanelen"), ("gebouw_monument", "geen_monument"),
      ("zonnepanelen_plaatsen_vernieuwen", "nieuwe_zonnepanelen_plaatsen_plek"),
      ("zonnepanelen_plaatsen_vernieuwen_2", "nieuwe_zonnepanelen_plaatsen_plek"),
      ("gebouw_zonnepanelen_plaatsen_beschermd", "nee_gebouw_niet_beschermd"), ("zonnepanelen_plaatsen_achterkant_gebouw", "ja"),
      ("kant_straat_fietspad_voetpad", "nee"), ("kant_gracht_kanaal_ander", "nee"), ("kant_plein_park_parkeerplaats", "nee"),
      ("losse_omvormer_plaatsen", "nee"), ("zonnepanelen_plaatsen_plat_dak", "ja"), ("komen_zonnepanelen_verder_dakrand", "nee"),
    ],
    fact: "komen_zonnepanelen_verder_dakrand", values: [.bool(true)], level: .allowed,
    words: ["Met de zonnepanelen verder van de dakrand te staan dan de hoogte van de zonnepanelen ja in plaats van nee"])

  static let tree = Case(
    name: "pruning a thick tree out of its form", file: "kappen-of-snoeien.json", permit: "Bomenkap- nieuw", rulebook: "bomenkap-nieuw",
    answers: [
      ("spoed_direct_gevaar", "nee"), ("omtrek_31_centimeter_meer", "ja"), ("boom_verleden_geplant_omdat", "nee"),
      ("doen", "boom_snoeien"), ("verandert_vorm_boom", "ja"), ("boom_snoeien_boom_terug", "nee"),
    ],
    fact: "verandert_vorm_boom", values: [.bool(false)], level: .allowed,
    words: ["Met een verandering van de vorm van de boom nee in plaats van ja is het oordeel: toegestaan"])

  static let cases = [dormer, solar, tree]

  static func check(_ test: Case) throws -> ImportFixtures.Imported {
    try #require(ImportFixtures.imported.first { $0.file == test.file && $0.tables.name == test.permit })
  }

  static func evaluation(_ test: Case) throws -> Evaluation {
    let check = try check(test)
    let initiative = Initiative(
      id: "vergunning", date: CalendarDay(year: 2026, month: 6, day: 1), facts: test.answers.map { RawFact(name: $0.0, text: $0.1) })
    let result = RuleEngine(library: check.library).check(initiative, options: .init(rulebook: test.rulebook))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
    return try #require(result.evaluation)
  }

  @Test(arguments: cases) func theRoomOffersAChangeThatNeedsNoPermit(_ test: Case) throws {
    let evaluation = try Self.evaluation(test)
    #expect(evaluation.verdict.level == .permitRequired && evaluation.verdict.determined, "\(evaluation.verdict.level)")
    let room = RoomAnalyzer().analyze(evaluation)
    let offered = room.adjustments.first { adjustment in
      adjustment.changes.contains { $0.fact == test.fact && test.values.contains($0.to) }
    }
    let adjustment = try #require(offered, "\(room.adjustments.map { $0.changes.map { "\($0.fact)=\($0.to)" } })")
    #expect(adjustment.verdictAfter.level <= test.level, "\(adjustment.verdictAfter.level)")
    #expect(adjustment.verdictAfter.level < .permitRequired)

    // The offer read back: the initiative with the change is checked again and needs no permit.
    let changed = test.answers.filter { name, _ in !adjustment.changes.contains { $0.fact == name } }
      + adjustment.changes.map { ($0.fact, Self.answer($0.to)) }
    let again = RuleEngine(library: try Self.check(test).library).check(
      Initiative(id: "aangepast", date: evaluation.initiative.date, facts: changed.map { RawFact(name: $0.0, text: $0.1) }),
      options: .init(rulebook: test.rulebook))
    #expect(try #require(again.evaluation).verdict.level == adjustment.verdictAfter.level)

    let lines = RoomExplanations(language: "nl").lines(room, in: evaluation).filter { $0.kind == .adjustment }
    let line = try #require(lines.first { line in test.words.allSatisfy(line.text.contains) }, "\(lines.map(\.text))")
    #expect(!line.text.contains("...") && !line.text.contains("_") && !line.text.contains("{"), "\(line.text)")
  }

  /// Answered as the check asks them, the dormer's questions stop at the side: at the front a
  /// permit is needed, and the other sides' questions are never asked. The room still offers
  /// another side, as far as known, and says that other answers can still change it.
  @Test func theSideIsOfferedBeforeItsQuestionsAreAsked() throws {
    var asked = Self.dormer
    asked.answers = [
      ("gebouw_dakkapel_plaatsen_gebied", "ja"), ("gebouw_monument", "geen_monument"),
      ("dakkapel_plaatsen_vernieuwen", "nieuwe_dakkapel_plaatsen_plek"), ("verandert_vorm_grootte_profiel", "nee_vorm_grootte_profiel"),
      ("dakkapel_plaatsen_vernieuwen_2", "nieuwe_dakkapel_plaatsen_plek"), ("kant_gebouw_dakkapel_plaatsen", "voorkant"),
    ]
    let evaluation = try Self.evaluation(asked)
    #expect(evaluation.verdict.level == .permitRequired && evaluation.verdict.determined)
    let room = RoomAnalyzer().analyze(evaluation)
    let side = try #require(room.adjustments.first { $0.changes.map(\.fact) == ["kant_gebouw_dakkapel_plaatsen"] }, "\(room.adjustments)")
    #expect(side.verdictAfter.level == .allowed && !side.verdictAfter.determined && !side.dependsOn.isEmpty)
    let line = try #require(RoomExplanations(language: "nl").lines(room, in: evaluation).first { $0.kind == .adjustment })
    #expect(line.text.contains("in plaats van Voorkant is het oordeel: toegestaan") && line.text.contains("voor zover bekend"), "\(line.text)")
  }

  /// A conclusion the source gives no explanation says which answers lead to it, in words.
  @Test func aConclusionSaysWhichAnswersLeadToIt() throws {
    let text = EvaluationTextRenderer(language: "nl").render(try Self.evaluation(Self.dormer))
    #expect(text.contains("Vergunning nodig: Dakkapel bouwen"), "\(text)")
    let reasons = text.replacingOccurrences(of: "\n    ", with: " ")
    #expect(reasons.contains("Dit volgt uit deze antwoorden:") && reasons.contains("de kant van het gebouw: Voorkant"), "\(text)")
    #expect(!reasons.contains("beslissing_") && !reasons.contains("conclusietabel, rij 4)"), "\(text)")
  }

  /// Every question of the three checks is named in sentences by a label made of it: never cut
  /// short, never the question itself.
  @Test(arguments: cases) func labelsReadInASentence(_ test: Case) throws {
    let rulebook = try #require(try Self.check(test).rulebook)
    for fact in rulebook.facts where fact.priority != nil {
      let label = fact.label.text("nl")
      let question = fact.question.text("nl")
      #expect(!label.isEmpty && !label.hasSuffix("...") && !label.hasSuffix("?"), "\(fact.name): \(label)")
      #expect(!question.lowercased().hasPrefix(label.lowercased()), "\(fact.name): \(label)")
    }
  }

  /// Starting from nothing, `ask` asks in the source's priority order: answering each question
  /// it asks with the case's answer, the priorities of the questions asked only rise, and the
  /// first is the check's first question.
  @Test(arguments: cases) func anEmptyInitiativeIsAskedInTheSourcesOrder(_ test: Case) throws {
    let rulebook = try #require(try Self.check(test).rulebook)
    var initiative = Initiative(id: "leeg", date: CalendarDay(year: 2026, month: 6, day: 1))
    var asked: [(String, Int)] = []
    while let question = Interview(initiative: initiative, rulebook: rulebook).nextQuestion(), asked.count < 40 {
      guard let answer = test.answers.first(where: { $0.0 == question.fact.name }) else { break }
      asked.append((question.fact.name, question.fact.priority ?? -1))
      initiative.facts.append(RawFact(name: answer.0, text: answer.1))
    }
    #expect(asked.first?.0 == test.answers.first?.0)
    let priorities = asked.map(\.1)
    #expect(asked.count > 2 && priorities == priorities.sorted() && !priorities.contains(-1), "\(asked)")
  }

  /// An answer as a resident writes it in an initiative.
  static func answer(_ value: Value) -> String {
    switch value {
    case .bool(let flag): flag ? "ja" : "nee"
    case .enumCase(let name): name
    default: value.description
    }
  }
}
