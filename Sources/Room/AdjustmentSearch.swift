import Engine
import Rulebook
import RuleLanguage

/// Finds the smallest changes to adjustable facts that give a better verdict.
///
/// Candidate values come from the thresholds (see `CandidateValues`). Every single-fact
/// candidate is tried, then every pair of candidates of two facts; a change is kept when the
/// fast decision gives a strictly better verdict (see `RoomContext.lastIsBetter`) and the facts
/// still meet their ranges and constraints. Per resulting verdict (level and requirements) the
/// smallest change is kept, and changes that another beats on verdict and size are dropped.
struct AdjustmentSearch {
  var context: RoomContext
  /// How many adjustments to report at most.
  var limit = 6
  /// Whether to try pairs of facts.
  var pairs = true

  struct Move {
    var slot: Int
    var value: Value
    var distance: Double
  }

  /// - Complexity: O(*c*² · *r*) decisions for *c* candidates over all adjustable facts and *r*
  ///   rules; *c* is small (three per threshold), so this stays in the milliseconds.
  mutating func run() -> [Adjustment] {
    let moves = candidateMoves()
    let baseline = context.baseline
    var best: [Key: (moves: [Move], outcome: RoomContext.Verdict, distance: Double)] = [:]
    var facts = context.facts
    let baselineWorst = baseline.worst
    // What the facts of the candidates at hand change: worked out once per fact or pair of facts.
    var change = RoomContext.Change(slots: [], rules: [], constraints: [])
    // Each candidate's decision, in storage kept from one candidate to the next.
    var decided = RuleDecision.empty
    func consider(_ first: Move, _ second: Move?, _ distance: Double) {
      context.decide(facts, change: change, into: &decided)
      // Most candidates make it no better: reject those before building a verdict.
      guard RoomContext.worst(decided.decision) <= baselineWorst,
        context.isBetter(decided, than: baseline) || context.isBetterAsFarAsKnown(decided.decision, than: baseline)
      else { return }
      let outcome = context.verdict(decided)
      let key = Key(level: outcome.decision.level, possible: outcome.decision.possibleLevels, required: outcome.required)
      if let existing = best[key], existing.distance <= distance { return }
      best[key] = (second.map { [first, $0] } ?? [first], outcome, distance)
    }
    for (slot, slotMoves) in moves {
      change = context.change(of: [slot])
      for move in slotMoves {
        context.set(slot, move.value, in: &facts)
        if context.meetsConstraints(facts, change: change) { consider(move, nil, move.distance) }
      }
      restore(slot, in: &facts)
    }
    for first in moves.indices where pairs {
      for second in moves.indices where second > first {
        let (a, aMoves) = moves[first]
        let (b, bMoves) = moves[second]
        change = context.change(of: [a, b])
        for x in aMoves {
          context.set(a, x.value, in: &facts)
          for y in bMoves {
            context.set(b, y.value, in: &facts)
            if context.meetsConstraints(facts, change: change) { consider(x, y, x.distance + y.distance) }
          }
          restore(b, in: &facts)
        }
        restore(a, in: &facts)
      }
    }
    return ranked(best.map { ($0.value.moves, $0.value.outcome, $0.value.distance) })
  }

  struct Key: Hashable {
    var level: VerdictLevel
    var possible: UInt8
    var required: [Int]
  }

  /// The adjustable facts with a known value, each with its candidate changes.
  func candidateMoves() -> [(Int, [Move])] {
    var result: [(Int, [Move])] = []
    let relevant = relevantSlots()
    for slot in relevant.indices where relevant[slot] && context.index.adjustable[slot] {
      let current = context.facts[slot]
      guard !current.isUnknown else { continue }
      let moves = context.candidates.moves(for: slot, current: current, anchor: context.anchor(of: slot, in: context.facts), facts: context.facts).map {
        Move(slot: slot, value: $0.value, distance: $0.distance)
      }
      if !moves.isEmpty { result.append((slot, moves)) }
    }
    return result
  }

  /// The facts whose change can make the verdict better, by slot: those read by a rule that now
  /// applies with a level or a requirement, or that is undetermined, or by a rule that can set
  /// such a rule aside (and the facts they default to). Changing any other fact leaves every such
  /// rule as it is, so it cannot help; leaving it out keeps the search exact and makes it faster.
  func relevantSlots() -> [Bool] {
    let rules = context.epoch.rules
    let baseline = context.baseline
    var marked = [Bool](repeating: false, count: rules.count)
    for index in baseline.required { marked[index] = true }
    for index in context.undeterminedAtBaseline { marked[index] = true }
    for index in baseline.applying where rules[index].level.map({ $0 > .allowed }) ?? false { marked[index] = true }
    let initial = marked
    for index in initial.indices where initial[index] {
      for other in rules[index].overriddenBy { marked[other] = true }
    }
    var slots = [Bool](repeating: false, count: context.rulebook.facts.count)
    for (slot, readers) in context.index.rulesReading.enumerated() where readers.contains(where: { marked[$0] }) {
      slots[slot] = true
    }
    for link in context.rulebook.defaultLinks where slots[link.slot] { slots[link.fallback] = true }
    return slots
  }

  func restore(_ slot: Int, in facts: inout FactVector) {
    context.restore(slot, from: context.facts, in: &facts)
  }

  /// Drops changes that another beats on both verdict and size; best verdict first, then smallest.
  func ranked(_ found: [([Move], RoomContext.Verdict, Double)]) -> [Adjustment] {
    // A total order, so that the result never depends on the order the search found them in.
    let sorted = found.sorted { a, b in
      if a.1.worst != b.1.worst { return a.1.worst < b.1.worst }
      if a.2 != b.2 { return a.2 < b.2 }
      if a.0.count != b.0.count { return a.0.count < b.0.count }
      for (x, y) in zip(a.0, b.0) where x.slot != y.slot || x.value != y.value {
        if x.slot != y.slot { return x.slot < y.slot }
        let (less, greater) = (ValueOrder.less(x.value, y.value), ValueOrder.less(y.value, x.value))
        // Cases of an enumeration and truth values have no order of their own: by their names.
        return less != greater ? less : x.value.description < y.value.description
      }
      if a.1.decision.level != b.1.decision.level { return a.1.decision.level < b.1.decision.level }
      if a.1.decision.possibleLevels != b.1.decision.possibleLevels { return a.1.decision.possibleLevels < b.1.decision.possibleLevels }
      return a.1.required.lexicographicallyPrecedes(b.1.required)
    }
    var kept: [([Move], RoomContext.Verdict, Double)] = []
    for candidate in sorted {
      let dominated = kept.contains { other in
        other.1.worst <= candidate.1.worst && other.2 <= candidate.2 && Set(other.1.required).isSubset(of: candidate.1.required)
      }
      if !dominated { kept.append(candidate) }
    }
    return kept.prefix(limit).map(adjustment)
  }

  func adjustment(_ found: ([Move], RoomContext.Verdict, Double)) -> Adjustment {
    let (moves, outcome, distance) = found
    let rules = context.epoch.rules
    let baseline = context.baseline
    let removed = baseline.required.filter { !outcome.required.contains($0) }
    let stopped = baseline.applying.filter { !outcome.applying.contains($0) }
    let changes = moves.map { FactChange(fact: context.rulebook.facts[$0.slot].name, from: context.facts[$0.slot], to: $0.value) }
    var adjustment = Adjustment(
      changes: changes, verdictAfter: context.summary(outcome), distance: distance,
      exact: moves.allSatisfy { context.index.exact[$0.slot] }, removes: removed.map { rules[$0].rule.id },
      rule: (stopped.first { rules[$0].level == baseline.decision.level } ?? stopped.first ?? removed.first).map { rules[$0].rule.id })
    if !outcome.decision.determined { adjustment.dependsOn = stillUnknown(outcome, after: moves) }
    return adjustment
  }

  /// The unknown facts the rules still open after the change read: what an adjustment offered
  /// "as far as known" still depends on.
  func stillUnknown(_ outcome: RoomContext.Verdict, after moves: [Move]) -> [String] {
    var facts = context.facts
    for move in moves { context.set(move.slot, move.value, in: &facts) }
    let open = Set(context.decide(facts).undetermined)
    return context.rulebook.facts.indices.filter { slot in
      facts[slot].isUnknown && context.index.rulesReading[slot].contains { open.contains($0) }
    }.map { context.rulebook.facts[$0].name }
  }
}
