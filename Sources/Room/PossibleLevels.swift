import Engine
import Rulebook
import RuleLanguage

/// The verdict levels an initiative can still reach: exactly those some completion of its
/// unknown facts gives, within the vocabulary (types, ranges, cases, constraints between facts).
///
/// Three-valued evaluation over-approximates: two rules that are each other's opposite
/// (`klein_evenement` / `not klein_evenement`) are both "undetermined", so "allowed" looks
/// possible although one of them must apply. A case split over the unknown facts the open rules
/// read is exact, because the verdict as a function of a fact changes only at the candidate
/// values its thresholds give (`CandidateValues`); a branch stops as soon as its decision is
/// determined. The split is bounded; past the bound, the open branches add the levels their
/// three-valued decision leaves possible, and the set is marked approximate.
struct PossibleLevels {
  var context: RoomContext
  /// The most decisions one search makes.
  var bound = 1024

  /// The levels (a bit set over `VerdictLevel.rank`) and whether the set is exact.
  ///
  /// - Complexity: O(min(*c*^*u*, `bound`) · *r*) for *u* unknown facts with *c* candidates each.
  mutating func run(_ facts: FactVector) -> (levels: UInt8, exact: Bool) {
    let now = context.decideLevel(facts)
    guard !now.determined else { return (now.possibleLevels, true) }
    var unknowns = DecidingUnknowns(context: context)
    let slots = unknowns.relevantSlots(facts)
    var levels: UInt8 = 0
    var exact = true
    var budget = bound
    var scratch = facts
    split(&scratch, slots: slots[...], levels: &levels, exact: &exact, budget: &budget)
    // A search that found nothing (every branch broke a constraint) keeps the plain answer.
    return levels == 0 ? (now.possibleLevels, false) : (levels, exact)
  }

  /// The levels some completion of `facts` reaches, least restrictive first, and whether the
  /// list is exact.
  mutating func reachable(_ facts: FactVector) -> (levels: [VerdictLevel], exact: Bool) {
    let (bits, exact) = run(facts)
    return (VerdictLevel.allCases.filter { bits & (1 << $0.rank) != 0 }, exact)
  }

  private mutating func split(_ facts: inout FactVector, slots: ArraySlice<Int>, levels: inout UInt8, exact: inout Bool, budget: inout Int) {
    budget -= 1
    let decision = context.decideLevel(facts)
    if decision.determined {
      levels |= decision.possibleLevels
      return
    }
    // The next unknown fact that still has values to try.
    var rest = slots
    var values: [Value] = []
    var slot = -1
    while let next = rest.first, values.isEmpty {
      rest = rest.dropFirst()
      guard facts[next].isUnknown else { continue }
      slot = next
      values = context.candidates.values(for: next, current: .unknown, anchor: context.anchor(of: next, in: facts), facts: facts)
    }
    guard !values.isEmpty, budget > 0 else {
      levels |= decision.possibleLevels
      exact = false
      return
    }
    let original = facts
    for value in values {
      context.set(slot, value, in: &facts)
      if context.meetsConstraints(facts) { split(&facts, slots: rest, levels: &levels, exact: &exact, budget: &budget) }
      context.restore(slot, from: original, in: &facts)
    }
  }
}

extension Decision {
  /// The decision with its possible levels made exact (see `PossibleLevels`): the least
  /// restrictive reachable level, determined when only one is reachable. `exact` is false when
  /// the case split hit its bound.
  public func exact(
    facts: FactVector, initiative: Initiative, rulebook: CompiledRulebook, asOf: CalendarDay?, evaluator: Evaluator? = nil
  ) -> (decision: Decision, exact: Bool) {
    guard !determined else { return (self, true) }
    var search = PossibleLevels(context: RoomContext(initiative: initiative, facts: facts, rulebook: rulebook, asOf: asOf, evaluator: evaluator))
    let (levels, exact) = search.run(facts)
    let least = VerdictLevel.allCases.first { levels & (1 << $0.rank) != 0 } ?? level
    return (Decision(level: max(least, level), determined: levels.nonzeroBitCount == 1, possibleLevels: levels), exact)
  }
}

extension Evaluation {
  /// The evaluation with its verdict's possible levels made exact (see `PossibleLevels`): an
  /// open verdict names only levels some completion of the facts reaches, its level is the
  /// least restrictive of them, and a verdict every completion agrees on is determined.
  public func withExactOutcomes() -> Evaluation {
    var result = self
    var search = PossibleLevels(context: RoomContext(evaluation: self))
    let (bits, exact) = search.run(facts)
    // A presumed judgement is a caveat when the official's other finding changes the levels
    // that can be reached; the verdict it would give is the most restrictive of those.
    result.assumptions = assumptions.compactMap { assumption in
      guard let slot = rulebook.slotsByName[assumption.fact] else { return nil }
      var other = facts
      other[slot] = assumption.otherwise
      var otherSearch = PossibleLevels(context: RoomContext(initiative: initiative, facts: other, rulebook: rulebook, asOf: asOf))
      let otherBits = otherSearch.run(other).levels
      guard otherBits != bits, let worst = VerdictLevel.allCases.last(where: { otherBits & (1 << $0.rank) != 0 }) else { return nil }
      var kept = assumption
      kept.verdictIfNot = worst
      return kept
    }
    guard !verdict.determined else { return result }
    let levels = VerdictLevel.allCases.filter { bits & (1 << $0.rank) != 0 }
    guard let least = levels.first else { return result }
    result.verdict.possibleLevels = levels
    result.verdict.possibleLevelsExact = exact
    if levels.count == 1 {
      result.verdict.determined = true
      result.verdict.level = least
    } else if least > verdict.level {
      result.verdict.level = least
    }
    return result
  }
}
