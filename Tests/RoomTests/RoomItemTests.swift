import Engine
import Reports
import Room
import Rulebook
import RuleLanguage
import Testing

@testable import Room

@Suite struct RoomItemTests {
  struct DeadlineCase: Sendable, CustomTestStringConvertible {
    let name: String
    let event: CalendarDay
    let deadline: Value
    let latest: CalendarDay
    var testDescription: String { name }
  }

  static func day(_ y: Int, _ m: Int, _ d: Int) -> CalendarDay { CalendarDay(year: y, month: m, day: d)! }

  static let deadlines: [DeadlineCase] = [
    .init(name: "10 working days before the Thursday after King's Day skip 27 April", event: day(2026, 4, 30), deadline: .workingDays(10), latest: day(2026, 4, 15)),
    .init(name: "10 working days before the Thursday after Easter skip Good Friday and Easter Monday", event: day(2026, 4, 9), deadline: .workingDays(10), latest: day(2026, 3, 24)),
    .init(name: "8 weeks is 56 calendar days", event: day(2026, 7, 4), deadline: .duration(8 * 10080), latest: day(2026, 5, 9)),
    .init(name: "a part of a day counts as a whole day", event: day(2026, 7, 4), deadline: .duration(60), latest: day(2026, 7, 3)),
  ]

  @Test(arguments: deadlines)
  func latestDayCountsWorkingDaysWithHolidays(_ c: DeadlineCase) {
    #expect(Deadlines.latestDay(before: c.event, deadline: c.deadline) == c.latest)
  }

  @Test func deadlinesSayWhichRouteIsStillPossible() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-210.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: Self.day(2026, 6, 1))
    let permit = try #require(room.deadlines.first { $0.rule == "evenementenvergunning" })
    #expect(permit.route == .current)
    #expect(permit.latestDay == Self.day(2026, 5, 9))
    #expect(!permit.feasible)
    let notification = try #require(room.deadlines.first { $0.rule == "klein-evenement-melding" })
    #expect(notification.route == .afterAdjustment(0))
    #expect(notification.feasible)
    #expect(notification.latestDay == Self.day(2026, 6, 22))
    #expect(notification.workingDaysLeft == 15)
  }

  @Test func nearMissGivesAbsoluteAndRelativeMargins() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-210.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let miss = try #require(room.nearMisses.first { $0.fact == "visitors" })
    #expect(miss.threshold == .integer(200))
    #expect(miss.crossing == .integer(200))
    #expect(miss.absoluteMargin == 10)
    #expect(abs(miss.relativeMargin - 10.0 / 210.0) < 1e-9)
    #expect(miss.verdictAcross.level == .notificationRequired)
    #expect(miss.parameter == "max_bezoekers_klein")
  }

  @Test func aFactFarFromEveryThresholdIsNoNearMiss() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-210.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    #expect(!room.nearMisses.contains { $0.fact == "persons_in_structure" })
  }

  @Test func aPolicyRuleAgainstTheInitiativeGivesTheDutyToDeviate() throws {
    let found = exampleEvaluations.compactMap { path, evaluation -> DiscretionItem? in
      RoomAnalyzer().analyze(evaluation, today: fixedToday).discretion.first { $0.kind == .policyDeviation }
    }
    let item = try #require(found.first)
    let evaluation = try #require(exampleEvaluations.first { $0.evaluation.finding(item.rule) != nil }?.evaluation)
    let citation = try #require(item.citation)
    #expect(evaluation.rulebook.regulation(citation.regulation)?.kind == .policyRule)
  }

  @Test func declaredExemptionsCarryWhoGrantsThem() throws {
    let evaluation = try #require(evaluations("Examples/amsterdam/festival-onvolledig.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let exemption = try #require(room.discretion.first { $0.kind == .exemption })
    #expect(exemption.grantedBy == "burgemeester")
    // The duty to deviate from the policy rule is stated once: by the rule's own hardship
    // clause citing art. 4:84 Awb, not again as a separate item.
    let deviations = room.discretion.filter {
      $0.rule == exemption.rule && ($0.kind == .policyDeviation || ($0.kind == .hardship && $0.citation?.article == "4:84"))
    }
    #expect(deviations.count == 1)
  }

  @Test func judgementFactsAreOpenNorms() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-210.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let norm = try #require(room.openNorms.first)
    #expect(norm.fact == "serious_nuisance")
    #expect(norm.assessedBy == "burgemeester")
    #expect(!norm.turnsOn.isEmpty)
  }

  @Test func decidingUnknownsShowTheVerdictOnEachSide() throws {
    let evaluation = try #require(evaluations("Examples/amsterdam/festival-onvolledig.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let first = try #require(room.decidingUnknowns.first)
    #expect(room.questions.first == first.fact)
    #expect(Set(first.outcomes.map(\.verdict.level)).count > 1 || first.outcomes.contains { $0.verdict.determined })
    #expect(room.decidingUnknowns.allSatisfy { evaluation.facts[evaluation.rulebook.slotsByName[$0.fact]!].isUnknown })
  }

  /// An adjustment that leaves facts open names the least verdict some completion gives, not
  /// the lower bound of three-valued logic: without amplified music Amsterdam's festival still
  /// meets the conditions of a small event or needs more, so it is never plainly allowed.
  @Test func anOpenAdjustmentNamesAVerdictSomeCompletionGives() throws {
    let evaluation = try #require(evaluations("Examples/amsterdam/festival-onvolledig.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let quieter = try #require(room.adjustments.first { $0.changes.map(\.fact) == ["amplified_music"] })
    #expect(!quieter.verdictAfter.determined)
    #expect(quieter.verdictAfter.level == .allowedWithConditions)
    #expect(quieter.verdictAfter.possibleLevels.first == .allowedWithConditions)
    #expect(!quieter.verdictAfter.possibleLevels.contains(.allowed))
  }

  /// A Christmas market that sells mulled wine needs an alcohol exemption whatever its size, so
  /// 151 visitors leave the verdict as it is: the near miss says what it would also need. How
  /// many days it lasts reads as ranges of days, not as the values at the limits.
  @Test func aNearMissUnderAnotherRulesVerdictNamesWhatItWouldAlsoNeed() throws {
    let evaluation = try #require(evaluations("Examples/zwolle/kerstmarkt.yaml").first).withExactOutcomes()
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let lines = RoomExplanations(language: "nl").lines(room, in: evaluation).map(\.text)
    let visitors = try #require(lines.first { $0.hasPrefix("Het aantal bezoekers (150)") })
    #expect(visitors.hasSuffix("bij 151 is ook nodig: evenementenvergunning."))
    let days = try #require(lines.first { $0.hasPrefix("Hoeveel dagen") })
    #expect(days.contains("hoogstens 12 → ") && days.contains("; 13 of meer → niet toegestaan."))
    let english = RoomExplanations(language: "en").lines(room, in: evaluation).map(\.text)
    #expect(english.contains { $0.hasSuffix("at 151 it would also need: event permit.") })
    #expect(english.contains { $0.contains("at most 12 → ") && $0.contains("; 13 or more → prohibited.") })
  }

  @Test func aCompleteAllowedInitiativeHasNoAdjustmentsOrQuestions() throws {
    let evaluation = try #require(evaluations("Examples/borne/tuinhuis.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    #expect(room.adjustments.isEmpty)
    #expect(room.questions.isEmpty)
  }
}
