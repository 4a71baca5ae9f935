import Engine
import Foundation
import Room
import Rulebook
import RuleLanguage
import Testing

@Suite struct AdjustmentTests {
  static let notAllowed = exampleEvaluations.filter { !($0.evaluation.verdict.level == .allowed && $0.evaluation.verdict.determined) }

  /// A threshold between two facts (the panels' distance to the roof edge at least their
  /// height) gives a candidate for each side from the other side's value.
  @Test func aComparisonOfTwoFactsGivesAnAdjustment() throws {
    let evaluation = try #require(evaluations("Examples/zeist/zonnepanelen-hoog.yaml").first)
    #expect(evaluation.verdict.level == .permitRequired)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let lower = room.adjustments.first { $0.changes.map(\.fact) == ["panel_height"] }
    #expect(lower?.verdictAfter.level == .allowed, "\(room.adjustments.map(\.changes))")
    #expect(lower.map { ValueOrder.less($0.changes[0].to, $0.changes[0].from) } == true)
  }

  /// An unknown fact that could still lead elsewhere does not hide an adjustment that settles
  /// what is known: 240 visitors in Borne, alcohol sales not known yet.
  @Test func anUnrelatedUnknownDoesNotHideTheAdjustment() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-240.yaml").first)
    #expect(!evaluation.withExactOutcomes().verdict.determined)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let fewer = try #require(room.adjustments.first { $0.changes.map(\.fact) == ["visitors"] })
    #expect(fewer.verdictAfter.level == .notificationRequired)
    #expect(Set(fewer.dependsOn) == ["alcohol_sold", "spirits"])
  }

  @Test func examplesLoad() {
    #expect(exampleEvaluations.count >= 48)
    #expect(Self.notAllowed.count >= 30)
  }

  /// Every adjustment offered, written into the initiative and checked again from the start,
  /// gives the verdict it claims: the verdict every answer shows, with the levels its
  /// completions reach (`withExactOutcomes`).
  @Test(arguments: notAllowed.map(\.path))
  func adjustmentsGiveTheVerdictTheyClaim(_ path: String) throws {
    for evaluation in evaluations(path) {
      let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
      for adjustment in room.adjustments {
        let result = shippedEngine.check(applying(adjustment.changes, to: evaluation.initiative))
        let after = try #require(result.evaluation, "\(path): \(adjustment.changes) gives \(result.diagnostics.map(\.message))")
          .withExactOutcomes()
        #expect(after.verdict.level == adjustment.verdictAfter.level, "\(path): \(adjustment.changes)")
        #expect(after.verdict.determined == adjustment.verdictAfter.determined, "\(path): \(adjustment.changes)")
        #expect(after.verdict.required.map(\.rule) == adjustment.verdictAfter.required, "\(path): \(adjustment.changes)")
        #expect(after.verdict.possibleLevels == adjustment.verdictAfter.possibleLevels, "\(path): \(adjustment.changes)")
        #expect(after.verdict.level <= evaluation.withExactOutcomes().verdict.level, "\(path): an adjustment never makes it worse")
      }
    }
  }

  /// No single-fact change on a small range around the current value gives an offered
  /// adjustment's verdict with a smaller change (exact thresholds).
  @Test(arguments: notAllowed.map(\.path))
  func adjustmentsAreMinimal(_ path: String) throws {
    for evaluation in evaluations(path) {
      let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
      guard !room.adjustments.isEmpty else { continue }
      let smallest = BruteForce(evaluation: evaluation).smallestSingleChanges(stepsEachSide: 80)
      for adjustment in room.adjustments where adjustment.exact {
        let key = BruteForce.Key(adjustment.verdictAfter)
        if let (distance, change) = smallest[key] {
          #expect(distance >= adjustment.distance - 1e-9, "\(path): \(change) is smaller than \(adjustment.changes)")
        }
      }
    }
  }

  @Test func straatfeest210NeedsOnlyANotificationAt200Visitors() throws {
    let evaluation = try #require(evaluations("Examples/borne/straatfeest-210.yaml").first)
    let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
    let first = try #require(room.adjustments.first)
    #expect(first.changes == [FactChange(fact: "visitors", from: .integer(210), to: .integer(200))])
    #expect(first.verdictAfter.level == .notificationRequired)
    #expect(first.exact)
    #expect(first.removes == ["evenementenvergunning"])
  }
}

/// Tries every value of every adjustable fact on a small range, one fact at a time.
struct BruteForce {
  let evaluation: Evaluation

  struct Key: Hashable {
    var level: VerdictLevel
    var determined: Bool
    var possible: [VerdictLevel]
    var required: [String]
    init(_ summary: VerdictSummary) {
      (level, determined, possible, required) = (summary.level, summary.determined, summary.possibleLevels, summary.required)
    }
    init(_ verdict: Verdict) {
      (level, determined, possible, required) = (verdict.level, verdict.determined, verdict.possibleLevels, verdict.required.map(\.rule))
    }
  }

  func smallestSingleChanges(stepsEachSide: Int64) -> [Key: (Double, FactChange)] {
    let rulebook = evaluation.rulebook
    let evaluator = Evaluator(rulebook: rulebook)
    let given = Set(evaluation.initiative.facts.filter { $0.text != nil }.map(\.name))
    var best: [Key: (Double, FactChange)] = [:]
    for (slot, fact) in rulebook.facts.enumerated() where fact.adjustable {
      let current = evaluation.facts[slot]
      guard !current.isUnknown else { continue }
      for value in values(around: current, fact: fact, rulebook: rulebook, steps: stepsEachSide) where value != current {
        var facts = evaluation.facts
        facts[slot] = value
        for link in rulebook.defaultLinks where link.fallback == slot && !given.contains(rulebook.facts[link.slot].name) {
          facts[link.slot] = value
        }
        if let anchor = fact.after.flatMap({ rulebook.slotsByName[$0] }), case .time(let t) = value, case .time(let a) = facts[anchor],
          t.minutes <= a.minutes
        {
          continue
        }
        guard FactBinder.rangeProblem(value, fact) == nil else { continue }
        let epoch = rulebook.epoch(on: evaluation.asOf)
        guard epoch.constraints.allSatisfy({ $0.program.evaluateTruth(facts) != .false }) else { continue }
        let verdict = evaluator.evaluate(evaluation.initiative, facts: facts, asOf: evaluation.asOf, traces: false).verdict
        let distance = distanceOf(current, value, fact)
        let key = Key(verdict)
        if let existing = best[key], existing.0 <= distance { continue }
        best[key] = (distance, FactChange(fact: fact.name, from: current, to: value))
      }
    }
    return best
  }

  func values(around current: Value, fact: FactDeclaration, rulebook: CompiledRulebook, steps: Int64) -> [Value] {
    switch current {
    case .bool: return [.bool(true), .bool(false)]
    case .enumCase: return (rulebook.enumCases(of: fact) ?? []).map(Value.enumCase)
    case .integer(let x):
      let step: Int64 = if case .integer(let s)? = fact.step { s } else { 1 }
      return (-steps...steps).map { .integer(x + $0 * step) }
    case .time(let t):
      let step: Int64 = if case .time(let s)? = fact.step { s.minutes } else { 15 }
      return (-steps...steps).map { t.minutes + $0 * step }.filter { (0..<2880).contains($0) }.map { .time(TimeOfDay(minutes: $0)) }
    case .quantity(let amount, let unit):
      let step: Int64 = if case .quantity(let s, _)? = fact.step { s.scaled } else if case .decimal(let s)? = fact.step { s.scaled } else { FixedDecimal.scale }
      return (-steps...steps).map { .quantity(FixedDecimal(scaled: amount.scaled + $0 * step), unit) }
    default:
      return []
    }
  }

  /// The same normalisation as the search: relative for amounts, over half a day for times.
  func distanceOf(_ from: Value, _ to: Value, _ fact: FactDeclaration) -> Double {
    if case .time(let a) = from, case .time(let b) = to { return Double(abs(a.minutes - b.minutes)) / 720 }
    guard let x = ValueOrder.key(from), let y = ValueOrder.key(to) else { return 1 }
    let step: Double = fact.step.flatMap { ValueOrder.key($0) } ?? 1
    return abs(x - y) / max(abs(x), step, 1e-9)
  }
}

/// What a batch asks of the room analysis: the adjustments, deciding unknowns and questions
/// without a full evaluation, the same as the full analysis finds them, with and without pairs.
@Test func adjustmentsAndQuestionsAloneAreThoseOfTheFullAnalysis() {
  for pairs in [false, true] {
    var options = RoomAnalyzer.Options()
    options.pairs = pairs
    let analyzer = RoomAnalyzer(options: options)
    var compared = 0
    for (path, evaluation) in exampleEvaluations {
      let full = analyzer.analyze(evaluation)
      let alone = analyzer.adjustmentsAndQuestions(
        evaluation.initiative, facts: evaluation.facts, rulebook: evaluation.rulebook, asOf: evaluation.asOf)
      #expect(alone.adjustments == full.adjustments, "\(path)")
      #expect(alone.questions == full.questions, "\(path)")
      #expect(alone.decidingUnknowns.map(\.fact) == full.decidingUnknowns.map(\.fact), "\(path)")
      if !full.adjustments.isEmpty { compared += 1 }
    }
    #expect(compared > 10)
  }
}
