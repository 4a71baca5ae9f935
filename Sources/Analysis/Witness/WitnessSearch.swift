import Engine
import Rulebook
import RuleLanguage

/// Searches for a witness: an assignment of candidate values to the facts some rules read
/// for which a goal (in Kleene logic) is `true`.
///
/// Facts are assigned one at a time, depth first; the goal is evaluated on the partial
/// assignment (the other facts unknown) after every step. Kleene logic is monotone — a goal
/// that is `false` with unknown facts stays `false` whatever they become — so a `false`
/// prunes the whole subtree, and a `true` is a witness even with facts still unknown.
///
/// - Complexity: at most `budget` goal evaluations; without pruning the product of the
///   candidate counts of the facts read.
public struct WitnessSearch: Sendable {
  /// The default number of goal evaluations one search may make.
  public static let defaultBudget = 20_000

  let truths: RuleTruths
  let budget: Int

  /// What a search found.
  enum Outcome {
    /// A witness, with the fact vector (after defaults and next-day times) it gives.
    case found(Witness, FactVector)
    /// No witness: `exhaustive` when every combination was tried within the budget, `exact`
    /// when the candidates cover every case (each threshold compares a single fact with a constant).
    case none(exhaustive: Bool, exact: Bool)

    var witness: Witness? {
      if case .found(let witness, _) = self { return witness }
      return nil
    }

    /// No witness exists among the candidates (the search was not cut short).
    var provedNone: Bool {
      if case .none(true, _) = self { return true }
      return false
    }
  }

  /// Searches over the facts that `rules` (and their exceptions) read.
  func find(rules: [Int], goal: (FactVector) -> Truth) -> Outcome {
    let epoch = truths.epoch
    let rulebook = truths.rulebook
    var involved = Set(rules)
    for index in rules { involved.formUnion(epoch.rules[index].overriddenBy) }
    let indices = involved.sorted()
    let programs = truths.programs(indices)
    var slots = Set(programs.flatMap { epoch.environment.freeFacts(of: $0.checked) })
    slots.insert(rulebook.dateSlot)
    // A fact whose value defaults to another stands in for it: search the other too.
    for link in rulebook.defaultLinks where slots.contains(link.slot) { slots.insert(link.fallback) }
    for link in rulebook.nextDayLinks where slots.contains(link.slot) { slots.insert(link.anchor) }
    let candidates = CandidateValues(rulebook: rulebook, epoch: epoch).candidates(for: Array(slots), programs: programs, rules: indices)
    let scopeSlots = Set(indices.compactMap { epoch.rules[$0].scope }.flatMap { epoch.environment.freeFacts(of: $0.checked) })
    let order = slots.sorted { a, b in
      let key = { (slot: Int) in (scopeSlots.contains(slot) ? 0 : 1, candidates[slot]?.count ?? 0, slot) }
      return key(a) < key(b)
    }
    var state = State(raw: FactVector(count: rulebook.facts.count), remaining: budget)
    let found = search(order[...], candidates: candidates, state: &state, goal: goal)
    guard let (raw, facts) = found else {
      var shape = ComparisonShape(environment: epoch.environment)
      for program in programs { shape.scan(program.checked) }
      let exact = shape.exact && programs.allSatisfy { epoch.environment.thresholds(in: $0.checked).allSatisfy { $0.exact && !$0.value.isUnknown } }
      return .none(exhaustive: state.remaining > 0, exact: exact)
    }
    var date: CalendarDay?
    if case .date(let day) = raw[rulebook.dateSlot] { date = day }
    let values = raw.values.enumerated().compactMap { slot, value -> (name: String, value: Value)? in
      slot == rulebook.dateSlot || value.isUnknown ? nil : (rulebook.facts[slot].name, value)
    }
    return .found(Witness(date: date, facts: values), facts)
  }

  struct State {
    var raw: FactVector
    var remaining: Int
  }

  func search(
    _ order: ArraySlice<Int>, candidates: [Int: [Value]], state: inout State, goal: (FactVector) -> Truth
  ) -> (FactVector, FactVector)? {
    guard state.remaining > 0 else { return nil }
    state.remaining -= 1
    var facts = state.raw
    FactBinder.normalise(&facts, rulebook: truths.rulebook, presuming: false)
    // A constraint between facts rejects an initiative only when it is false.
    let truth = truths.admissible(facts) == .false ? Truth.false : goal(facts)
    if truth == .true { return (state.raw, facts) }
    guard truth == .unknown, let slot = order.first else { return nil }
    let values = candidates[slot] ?? []
    if values.isEmpty { return search(order.dropFirst(), candidates: candidates, state: &state, goal: goal) }
    for value in values {
      state.raw[slot] = value
      if let found = search(order.dropFirst(), candidates: candidates, state: &state, goal: goal) { return found }
      if state.remaining <= 0 { break }
    }
    state.raw[slot] = .unknown
    return nil
  }
}

extension WitnessSearch.Outcome {
  /// Whether the proof of absence is exact (not only within the candidates of arithmetic).
  var exact: Bool {
    if case .none(_, let exact) = self { return exact }
    return true
  }
}
