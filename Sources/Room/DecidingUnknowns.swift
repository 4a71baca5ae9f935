import Engine
import Rulebook
import RuleLanguage

/// The missing facts that can change the verdict: for each unknown fact an open rule reads, the
/// verdict for each candidate answer. A fact decides when the verdicts differ.
struct DecidingUnknowns {
  var context: RoomContext

  /// The deciding facts, the one that settles most first (lowest expected number of verdict
  /// levels still possible after the answer), and the unknown facts the open rules read.
  ///
  /// - Complexity: O(*u* · *c* · *r*) for *u* unknown facts with *c* candidates each and *r* rules.
  mutating func run(_ facts: FactVector) -> (deciding: [DecidingUnknown], relevant: [Int]) {
    let now = context.decide(facts)
    guard !now.decision.determined else { return ([], []) }
    let relevant = relevantSlots(facts)
    var deciding: [(DecidingUnknown, Int)] = []
    var scratch = facts
    for slot in relevant {
      var outcomes: [AnswerOutcome] = []
      var decisions = Set<Decision>()
      var open = 0
      for value in context.candidates.values(for: slot, current: .unknown, anchor: context.anchor(of: slot, in: facts), facts: facts) {
        context.set(slot, value, in: &scratch)
        defer { context.restore(slot, from: facts, in: &scratch) }
        guard context.meetsConstraints(scratch) else { continue }
        let outcome = context.verdict(context.decide(scratch))
        decisions.insert(outcome.decision)
        open += outcome.decision.possibleLevels.nonzeroBitCount - 1
        outcomes.append(AnswerOutcome(value: value, verdict: context.summary(outcome)))
      }
      guard decisions.count > 1 || (decisions.count == 1 && decisions.first != now.decision) else { continue }
      let rules = context.index.rulesReading[slot].filter { undeterminedRules.contains($0) }.map { context.epoch.rules[$0].rule.id }
      let item = DecidingUnknown(
        fact: context.rulebook.facts[slot].name, rules: rules, outcomes: outcomes, expectedOpen: Double(open) / Double(outcomes.count))
      deciding.append((item, slot))
    }
    let declarations = context.rulebook.facts
    deciding.sort { a, b in
      // A declared asking order (an imported check's priorities) comes first.
      let (pa, pb) = (declarations[a.1].priority ?? Int.max, declarations[b.1].priority ?? Int.max)
      if pa != pb { return pa < pb }
      if a.0.expectedOpen != b.0.expectedOpen { return a.0.expectedOpen < b.0.expectedOpen }
      if a.0.outcomes.count != b.0.outcomes.count { return a.0.outcomes.count < b.0.outcomes.count }
      return a.1 < b.1
    }
    return (deciding.map(\.0), relevant)
  }

  /// The deciding facts with the verdict of each answer made exact, for the report: an open
  /// verdict names only the levels the answer can still reach (a small case split of
  /// `PossibleLevels`, bounded at 128 decisions; past the bound, the verdict as it was). The
  /// ranking of the questions is not changed by it, so `ask` and the report ask alike.
  func withExactOutcomes(_ deciding: [DecidingUnknown], facts: FactVector) -> [DecidingUnknown] {
    deciding.map { unknown in
      guard let slot = context.rulebook.slotsByName[unknown.fact] else { return unknown }
      var refined = unknown
      for (index, outcome) in unknown.outcomes.enumerated() where !outcome.verdict.determined {
        var scratch = facts
        context.set(slot, outcome.value, in: &scratch)
        var search = PossibleLevels(context: context, bound: 128)
        let (reachable, exact) = search.reachable(scratch)
        guard exact else { continue }
        refined.outcomes[index].verdict.narrow(to: reachable)
      }
      return refined
    }
  }

  /// The rules still open with the rules that could set them aside.
  private(set) var undeterminedRules = Set<Int>()

  /// Unknown facts read by the open rules (or the rules that could set them aside), in slot order.
  mutating func relevantSlots(_ facts: FactVector) -> [Int] {
    let open = context.decide(facts).undetermined
    var rules = Set(open)
    for index in open { rules.formUnion(context.epoch.rules[index].overriddenBy) }
    undeterminedRules = rules
    return context.rulebook.facts.indices.filter { slot in
      facts[slot].isUnknown && context.index.rulesReading[slot].contains { rules.contains($0) }
    }
  }
}
