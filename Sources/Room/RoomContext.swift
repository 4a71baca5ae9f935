import Engine
import Rulebook
import RuleLanguage

/// What every part of the room search shares: the rulebook's epoch, the initiative's facts and
/// its decision, from which variations of the facts are decided incrementally.
struct RoomContext {
  let evaluator: Evaluator
  let rulebook: CompiledRulebook
  let epoch: Epoch
  let day: CalendarDay?
  let index: ThresholdIndex
  let candidates: CandidateValues
  /// The initiative's facts as bound.
  let facts: FactVector
  /// Slots the initiative gave a value for (defaults fill the others).
  let given: [Bool]
  /// The verdict of the initiative as it is.
  let baseline: Verdict
  /// The rules left undetermined by the initiative as it is.
  let undeterminedAtBaseline: [Int]
  /// The rule truths (and flat registers) of the initiative as it is, to decide changes incrementally.
  let decisionBaseline: Evaluator.Baseline
  /// Whether the flat program holds every rule (then no list of rules to recompute is needed).
  let decidesAllRules: Bool
  /// For each slot, what a change to it changes (see `Change`). Worked out for a slot the first
  /// time it is changed: a search changes only a few.
  private var changes: [Change?]
  /// The constraints between facts that the initiative as it is does not meet.
  let unmetAtBaseline: [Int]

  /// What changing a fact changes.
  struct Change {
    /// The fact's slot, then the slots of the facts that default to it.
    var slots: [Int]
    /// The rules that read any of them and that the flat program does not hold, in order.
    var rules: [Int]
    /// The constraints between facts that read any of them, in order.
    var constraints: [Int]
  }

  /// A decision with the rules behind it, as the room compares them.
  struct Verdict: Equatable {
    var decision: Decision
    /// Applying rules with a requirement (notification, permit, conditions, information), as indices.
    var required: [Int]
    var applying: [Int]

    /// The most restrictive level still possible.
    var worst: VerdictLevel {
      VerdictLevel.allCases.last { decision.possibleLevels & (1 << $0.rank) != 0 } ?? decision.level
    }
  }

  init(evaluation: Evaluation, evaluator: Evaluator? = nil) {
    self.init(initiative: evaluation.initiative, facts: evaluation.facts, rulebook: evaluation.rulebook, asOf: evaluation.asOf, evaluator: evaluator)
  }

  /// The context of an initiative's bound facts, without its evaluation.
  init(initiative: Initiative, facts: FactVector, rulebook: CompiledRulebook, asOf: CalendarDay?, evaluator: Evaluator? = nil) {
    self.rulebook = rulebook
    self.evaluator = evaluator.flatMap { $0.rulebook === rulebook ? $0 : nil } ?? Evaluator(rulebook: rulebook)
    day = asOf
    epoch = rulebook.epoch(on: day)
    index = ThresholdIndex.of(epoch, rulebook: rulebook)
    candidates = CandidateValues(rulebook: rulebook, index: index)
    decidesAllRules = self.evaluator.decidesAllRulesAtOnce(on: day)
    self.facts = facts
    var given = Array(repeating: false, count: rulebook.facts.count)
    for raw in initiative.facts where raw.text != nil || raw.items != nil {
      if let slot = rulebook.slotsByName[raw.name] { given[slot] = true }
    }
    if initiative.facts.isEmpty {
      // Facts bound without their written form (a batch line, a program): a known value counts as
      // given, unless it is a default's copy of the fact it falls back to.
      for slot in given.indices where !facts[slot].isUnknown { given[slot] = true }
      for link in rulebook.defaultLinks where facts[link.slot] == facts[link.fallback] { given[link.slot] = false }
    }
    if initiative.date != nil { given[rulebook.dateSlot] = true }
    self.given = given
    changes = Array(repeating: nil, count: rulebook.facts.count)
    // The initiative's truths, computed once: for its verdict and for the incremental decisions.
    decisionBaseline = self.evaluator.baseline(facts, on: day)
    let decided = self.evaluator.decideWithRules(decisionBaseline, on: day)
    baseline = Self.verdict(decided, rules: epoch.rules)
    undeterminedAtBaseline = decided.undetermined
    let constraints = epoch.constraints
    unmetAtBaseline = constraints.indices.filter { constraints[$0].program.evaluateTruth(facts) == .false }
  }

  /// Decides `facts`, which differ from the initiative's only in `changed` slots: only the rules
  /// reading those facts (or the facts that default to them) are evaluated again.
  mutating func decide(_ facts: FactVector, changed: [Int]) -> Verdict {
    let change = change(of: changed)
    return verdict(evaluator.decideWithRules(facts, on: day, from: decisionBaseline, changing: change.slots, recompute: change.rules))
  }

  /// Decides `facts`, which differ from the initiative's as `change` says, into `decided`, whose
  /// storage a search keeps from one candidate to the next.
  func decide(_ facts: FactVector, change: Change, into decided: inout RuleDecision) {
    evaluator.decide(facts, on: day, from: decisionBaseline, changing: change.slots, recompute: change.rules, rulesInto: &decided)
  }

  /// What a change to the `changed` slots changes.
  mutating func change(of changed: [Int]) -> Change {
    changed.count == 1 ? change(changed[0]) : change(changed)
  }

  /// What a change to `slot` changes (see `changes`).
  private mutating func change(_ slot: Int) -> Change {
    if let known = changes[slot] { return known }
    var slots = [slot]
    for link in rulebook.defaultLinks where link.fallback == slot && !given[link.slot] { slots.append(link.slot) }
    var rules: [Int] = []
    if !decidesAllRules {
      var reading = Set<Int>()
      for slot in slots { reading.formUnion(index.rulesReading[slot]) }
      rules = evaluator.rulesOutsideFlatProgram(on: day).filter(reading.contains)
    }
    let constraints = Set(slots.flatMap { index.constraintsReading[$0] }).sorted()
    let change = Change(slots: slots, rules: rules, constraints: constraints)
    changes[slot] = change
    return change
  }

  /// What a change to several slots changes: the changed slots first, then the facts that
  /// default to them.
  private mutating func change(_ changed: [Int]) -> Change {
    var combined = Change(slots: changed, rules: [], constraints: [])
    for slot in changed {
      let change = self.change(slot)
      combined.slots += change.slots.dropFirst()
      combined.rules = Self.union(combined.rules, change.rules)
      combined.constraints = Self.union(combined.constraints, change.constraints)
    }
    return combined
  }

  /// The union of two ascending lists of distinct numbers, ascending.
  static func union(_ a: [Int], _ b: [Int]) -> [Int] {
    if a.isEmpty { return b }
    if b.isEmpty { return a }
    var result: [Int] = []
    result.reserveCapacity(a.count + b.count)
    var (i, j) = (0, 0)
    while i < a.count || j < b.count {
      if j == b.count || (i < a.count && a[i] < b[j]) {
        result.append(a[i])
        i += 1
      } else {
        if i < a.count, a[i] == b[j] { i += 1 }
        result.append(b[j])
        j += 1
      }
    }
    return result
  }

  /// Decides the verdict of `facts` with the rules behind it.
  func decide(_ facts: FactVector) -> RuleDecision {
    evaluator.decideWithRules(facts, on: day)
  }

  /// Decides the verdict of `facts` alone.
  func decideLevel(_ facts: FactVector) -> Decision {
    evaluator.decide(facts, on: day)
  }

  /// The verdict of a decision, as the room compares them.
  func verdict(_ decided: RuleDecision) -> Verdict {
    Self.verdict(decided, rules: epoch.rules)
  }

  static func verdict(_ decided: RuleDecision, rules: [CompiledRule]) -> Verdict {
    Verdict(decision: decided.decision, required: decided.applying.filter { imposes(rules[$0]) }, applying: decided.applying)
  }

  /// The most restrictive level a decision can still take.
  static func worst(_ decision: Decision) -> VerdictLevel {
    VerdictLevel.allCases.last { decision.possibleLevels & (1 << $0.rank) != 0 } ?? decision.level
  }

  /// Whether a rule that applies asks something of the initiative.
  static func imposes(_ rule: CompiledRule) -> Bool { rule.rule.outcome.isRequirement }

  /// Undoes `set(slot, …)`: the fact and the facts that default to it take their values in
  /// `original` again. Cheaper than copying the whole vector back, which copies its storage.
  func restore(_ slot: Int, from original: FactVector, in facts: inout FactVector) {
    facts[slot] = original[slot]
    for link in rulebook.defaultLinks where link.fallback == slot && !given[link.slot] { facts[link.slot] = original[link.slot] }
  }

  /// Sets a fact, and the facts that default to it when the initiative left them out.
  func set(_ slot: Int, _ value: Value, in facts: inout FactVector) {
    facts[slot] = value
    for link in rulebook.defaultLinks where link.fallback == slot && !given[link.slot] { facts[link.slot] = value }
  }

  /// Whether `facts` meets every constraint between facts (unknown counts as met).
  func meetsConstraints(_ facts: FactVector) -> Bool {
    epoch.constraints.allSatisfy { $0.program.evaluateTruth(facts) != .false }
  }

  /// Whether `facts`, which differ from the initiative's only in the `changed` slots (as `set`
  /// changes them), meets every constraint: only the constraints reading a changed fact are
  /// evaluated; every other one is met exactly when the initiative meets it.
  mutating func meetsConstraints(_ facts: FactVector, changed: [Int]) -> Bool {
    meetsConstraints(facts, change: change(of: changed))
  }

  /// Whether `facts`, which differ from the initiative's as `change` says, meets every constraint.
  func meetsConstraints(_ facts: FactVector, change: Change) -> Bool {
    for constraint in unmetAtBaseline where !change.constraints.contains(constraint) { return false }
    return change.constraints.allSatisfy { epoch.constraints[$0].program.evaluateTruth(facts) != .false }
  }

  /// The value of the fact a time follows (`start` for `end`), if any.
  func anchor(of slot: Int, in facts: FactVector) -> Value? {
    index.anchors[slot].map { facts[$0] }
  }

  /// Whether `decided` is strictly better than `reference`: a less restrictive worst level, or
  /// the same with a strict subset of the requirements (and no more open). Read from the
  /// decision and its rule list, without building a verdict: most candidates are not better.
  func isBetter(_ decided: RuleDecision, than reference: Verdict) -> Bool {
    let decision = decided.decision
    let worst = Self.worst(decision)
    if worst != reference.worst { return worst < reference.worst }
    guard decision.level == reference.decision.level, decision.possibleLevels == reference.decision.possibleLevels else { return false }
    let rules = epoch.rules
    var required = 0
    for index in decided.applying where Self.imposes(rules[index]) {
      guard reference.required.contains(index) else { return false }
      required += 1
    }
    return required < reference.required.count
  }

  /// Whether `decision` is better as far as the known facts go: the level that certainly
  /// applies after the change is less restrictive than the one that certainly applies now,
  /// while nothing worse becomes possible. An unknown fact that could still lead elsewhere
  /// (whether alcohol is sold, say) then does not hide an adjustment that settles what is known
  /// ("with at most 200 visitors a notification is enough"); nor does a question the change
  /// first makes worth asking ("on the back of the house no permit is needed, unless the back
  /// faces a street": a permit check asks about the back only for a dormer there).
  func isBetterAsFarAsKnown(_ decision: Decision, than reference: Verdict) -> Bool {
    decision.level < reference.decision.level && Self.worst(decision) <= reference.worst
  }

  /// The outcome as data for the report.
  func summary(_ outcome: Verdict) -> VerdictSummary {
    let levels = VerdictLevel.allCases.filter { outcome.decision.possibleLevels & (1 << $0.rank) != 0 }
    return VerdictSummary(
      level: outcome.decision.level, determined: outcome.decision.determined, possibleLevels: levels,
      applying: outcome.applying.map { epoch.rules[$0].rule.id }, required: outcome.required.map { epoch.rules[$0].rule.id })
  }
}
