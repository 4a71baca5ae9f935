import Engine
import Foundation
@testable import Reports
import Room
import Rulebook
import SourceDiagnostics
import Testing
import TestSupport

/// An initiative that does not say what kind it is (a neighbourhood party described on a
/// municipality's page, `activity` not given) gets an answer about what it can be: the rules
/// that wait only for that answer offer no room and are counted, not listed.
@Suite struct UnknownKindTests {
  static let text = """
    id: buurtfeest-zonder-soort
    title: Buurtfeest
    municipality: borne
    date: 2026-09-12
    facts:
      visitors: 150
      start: "14:00"
      end: "23:30"
      amplified_music: ja
      road_closure: woonstraat
    """

  @Test func rulesThatWaitForTheKindOfInitiativeOfferNoRoomAndAreCounted() throws {
    let evaluation = try #require(shippedEngine.check(file: SourceFile(path: "party.yaml", text: Self.text)).first?.evaluation)
    let waiting = evaluation.findings.filter(\.scopeOpen)
    // The dormer's rules wait for the activity, a fact no resident adjusts.
    #expect(waiting.contains { $0.rule.rule.id.contains("dakkapel") }, "\(waiting.map { $0.rule.rule.id })")
    #expect(waiting.allSatisfy { $0.status == .undetermined })
    let ids = Set(waiting.map { $0.rule.rule.id })
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    #expect(!room.alternatives.contains { ids.contains($0.rule) }, "\(room.alternatives.map(\.rule))")
    #expect(!room.discretion.contains { ids.contains($0.rule) })
    #expect(!room.openNorms.contains { ids.contains($0.rule) })
    #expect(!room.deadlines.contains { ids.contains($0.rule) })
    // The question that settles it is asked, and the text counts what it leaves waiting.
    #expect(room.questions.first == "activity")
    let text = EvaluationTextRenderer(language: "nl").render(evaluation, room: room)
    #expect(text.contains("\(waiting.count) andere regels kunnen nog gaan gelden als de vragen hieronder beantwoord zijn"), "\(text)")
    for finding in waiting { #expect(!text.contains(finding.rule.rule.title.text("nl")), "\(finding.rule.rule.id) is listed") }
  }

  /// A rule whose open scope waits for a fact the resident can still adjust (whether an event is
  /// small depends on its number of objects) keeps its room.
  @Test func aScopeThatWaitsForAnAdjustableFactKeepsItsRoom() throws {
    let evaluation = try #require(evaluations("Examples/amsterdam/festival-onvolledig.yaml").first)
    let sound = try #require(evaluation.findings.first { $0.rule.rule.id == "geluid-muziekevenement" })
    #expect(sound.status == .undetermined && !sound.scopeOpen)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    #expect(room.alternatives.contains { $0.rule == "geluid-muziekevenement" })
  }

  /// English answers name every authority the shipped rulebooks use in English.
  @Test func everyAuthorityHasAnEnglishName() throws {
    var authorities = Set<String>()
    for rulebook in shippedEngine.library.rulebooks.values {
      for regulation in rulebook.definition.regulations { if let who = regulation.authority { authorities.insert(who) } }
      for rule in rulebook.definition.rules { if let who = rule.outcome.authority { authorities.insert(who) } }
    }
    let english = RoomExplanations(language: "en")
    for who in authorities { #expect(english.authorityName(who) != who, "no English name for '\(who)'") }
  }
}
