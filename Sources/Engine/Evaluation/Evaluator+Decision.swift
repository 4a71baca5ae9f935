import Rulebook
import RuleLanguage

/// The verdict of an initiative without explanations: what a batch needs, computed with
/// little allocation.
public struct Decision: Sendable, Hashable {
  public var level: VerdictLevel
  public var determined: Bool
  /// The levels it can still take, as a bit set over `VerdictLevel.rank`.
  public var possibleLevels: UInt8

  public init(level: VerdictLevel, determined: Bool, possibleLevels: UInt8) {
    self.level = level
    self.determined = determined
    self.possibleLevels = possibleLevels
  }
}

/// A verdict with the rules behind it, as indices into the epoch's rules: a value of its own,
/// so that what a caller reads belongs to the decision it asked for.
public struct RuleDecision: Sendable, Hashable {
  /// Nothing decided yet: storage for `Evaluator.decide(_:on:rulesInto:)`.
  public static let empty = RuleDecision(decision: Decision(level: .allowed, determined: true, possibleLevels: 1), applying: [], undetermined: [])

  public var decision: Decision
  /// The rules that apply (not set aside by an overriding rule), ascending.
  public var applying: [Int]
  /// The rules the facts leave open, ascending.
  public var undetermined: [Int]

  public init(decision: Decision, applying: [Int], undetermined: [Int]) {
    self.decision = decision
    self.applying = applying
    self.undetermined = undetermined
  }
}

extension Evaluator {
  /// Decides the verdict of `facts`.
  ///
  /// - Complexity: O(*r*) condition evaluations for *r* rules in force.
  public func decide(_ facts: FactVector, on day: CalendarDay?) -> Decision {
    let plan = plan(on: day)
    return withTruths(facts, day: day, plan: plan) { aggregate(plan, truths: $0, lists: nil) }
  }

  /// Decides the verdict of `facts` with the rules behind it.
  public func decideWithRules(_ facts: FactVector, on day: CalendarDay?) -> RuleDecision {
    let plan = plan(on: day)
    return withTruths(facts, day: day, plan: plan) { listed(plan, truths: $0) }
  }

  /// Decides the verdict of `facts` and writes the rules behind it into `lists`, whose storage
  /// a caller deciding many fact vectors on one thread keeps from one decision to the next.
  package func decide(_ facts: FactVector, on day: CalendarDay?, rulesInto lists: inout RuleDecision) {
    let plan = plan(on: day)
    let decision = withTruths(facts, day: day, plan: plan) { aggregate(plan, truths: $0, lists: &lists) }
    lists.decision = decision
  }

  /// The truth of every rule for `facts` (`Truth.rawValue`; 255 for a rule not in force), to
  /// decide variations of the same facts incrementally.
  public func ruleTruths(_ facts: FactVector, on day: CalendarDay?) -> [UInt8] {
    let plan = plan(on: day)
    var truths = [UInt8](repeating: 255, count: plan.steps.count)
    truths.withUnsafeMutableBufferPointer { computeTruths(facts, day: day, plan: plan, into: $0) }
    return truths
  }

  /// What incremental decisions start from: each rule's truth and the flat program's registers
  /// for one fact vector.
  public struct Baseline: Sendable {
    /// Each rule's truth (`Truth.rawValue`; 255 for a rule not in force).
    public let truths: [UInt8]
    let state: FlatProgram.State?
  }

  /// The baseline for deciding variations of `facts` incrementally.
  public func baseline(_ facts: FactVector, on day: CalendarDay?) -> Baseline {
    Baseline(truths: ruleTruths(facts, on: day), state: plan(on: day).flat.state(facts))
  }

  /// Decides the verdict of the baseline's own facts from the truths it holds, evaluating
  /// nothing again: the same decision as `decideWithRules(_:on:)` of those facts.
  public func decideWithRules(_ baseline: Baseline, on day: CalendarDay?) -> RuleDecision {
    let plan = plan(on: day)
    return baseline.truths.withUnsafeBufferPointer { listed(plan, truths: $0) }
  }

  /// Decides facts that differ from the baseline's only in the facts in `slots`: the flat program
  /// reruns only what depends on them; of the rules it does not hold, those in `recompute` (the
  /// rules reading those facts) are evaluated again.
  ///
  /// - Complexity: O(*k*) for the *k* instructions and rules that depend on the changed facts.
  public func decide(
    _ facts: FactVector, on day: CalendarDay?, from baseline: Baseline, changing slots: [Int], recompute: [Int]
  ) -> Decision {
    let plan = plan(on: day)
    return withTruths(facts, day: day, plan: plan, from: baseline, changing: slots, recompute: recompute) {
      aggregate(plan, truths: $0, lists: nil)
    }
  }

  /// `decide(_:on:from:changing:recompute:)` with the rules behind the decision.
  public func decideWithRules(
    _ facts: FactVector, on day: CalendarDay?, from baseline: Baseline, changing slots: [Int], recompute: [Int]
  ) -> RuleDecision {
    let plan = plan(on: day)
    return withTruths(facts, day: day, plan: plan, from: baseline, changing: slots, recompute: recompute) { listed(plan, truths: $0) }
  }

  /// `decideWithRules(_:on:from:changing:recompute:)` into `lists`, whose storage a search
  /// deciding many variations keeps from one decision to the next.
  package func decide(
    _ facts: FactVector, on day: CalendarDay?, from baseline: Baseline, changing slots: [Int], recompute: [Int],
    rulesInto lists: inout RuleDecision
  ) {
    let plan = plan(on: day)
    let decision = withTruths(facts, day: day, plan: plan, from: baseline, changing: slots, recompute: recompute) {
      aggregate(plan, truths: $0, lists: &lists)
    }
    lists.decision = decision
  }

  /// Calls `body` with the truth of every rule for `facts`, in scratch memory of the call.
  private func withTruths<Result>(
    _ facts: FactVector, day: CalendarDay?, plan: DecisionPlan, _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: plan.steps.count) { truths in
      computeTruths(facts, day: day, plan: plan, into: truths)
      return body(UnsafeBufferPointer(truths))
    }
  }

  /// Calls `body` with the truth of every rule for `facts`, which differ from the baseline's only
  /// in `slots`.
  private func withTruths<Result>(
    _ facts: FactVector, day: CalendarDay?, plan: DecisionPlan, from baseline: Baseline, changing slots: [Int], recompute: [Int],
    _ body: (UnsafeBufferPointer<UInt8>) -> Result
  ) -> Result {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: baseline.truths.count) { truths in
      _ = truths.initialize(from: baseline.truths)
      let flatDone = baseline.state.map { state in
        plan.outputs.withUnsafeBufferPointer { plan.flat.run(facts, from: state, changing: slots, outputs: $0, into: truths.baseAddress!) }
      }
      if flatDone == true {
        completeFlatTruths(facts, day: day, plan: plan, only: recompute, into: truths)
      } else {
        computeTruths(facts, day: day, plan: plan, into: truths)
      }
      return body(UnsafeBufferPointer(truths))
    }
  }

  /// The decision from rule truths with fresh rule lists.
  private func listed(_ plan: DecisionPlan, truths: UnsafeBufferPointer<UInt8>) -> RuleDecision {
    var lists = RuleDecision.empty
    let decision = aggregate(plan, truths: truths, lists: &lists)
    lists.decision = decision
    return lists
  }

  /// Whether the flat program holds every rule in force on `day`, so that the `recompute` list
  /// of an incremental decision can be left empty.
  public func decidesAllRulesAtOnce(on day: CalendarDay?) -> Bool {
    plan(on: day).fallback.isEmpty
  }

  /// The rules (by index) the flat program does not hold on `day`: the only ones an incremental
  /// decision's `recompute` list needs.
  public func rulesOutsideFlatProgram(on day: CalendarDay?) -> [Int] {
    plan(on: day).fallback
  }

  func plan(on day: CalendarDay?) -> DecisionPlan {
    day.flatMap { day in plans.first { $0.epoch.validity.contains(day) } } ?? plans[0]
  }

  /// Evaluates every rule into `truths`: the flat program computes the rules it holds at once;
  /// the rules it does not hold, and all rules for facts it cannot read, are evaluated by their
  /// programs.
  func computeTruths(_ facts: FactVector, day: CalendarDay?, plan: DecisionPlan, into truths: UnsafeMutableBufferPointer<UInt8>) {
    let flatDone = plan.outputs.withUnsafeBufferPointer { plan.flat.run(facts, outputs: $0, into: truths.baseAddress!) }
    guard flatDone else { return evaluatePrograms(facts, day: day, plan: plan, only: nil, into: truths) }
    completeFlatTruths(facts, day: day, plan: plan, only: nil, into: truths)
  }

  /// After the flat program wrote its truths: marks the rules not in force, and evaluates the
  /// rules it does not hold (all, or those in `only`).
  func completeFlatTruths(_ facts: FactVector, day: CalendarDay?, plan: DecisionPlan, only: [Int]?, into truths: UnsafeMutableBufferPointer<UInt8>) {
    if let today = day?.daysSinceEpoch {
      for index in plan.limited where today < plan.steps[index].from || today > plan.steps[index].until { truths[index] = 255 }
    }
    if !plan.fallback.isEmpty {
      let rest = only.map { only in only.filter { plan.outputs[$0] < 0 } } ?? plan.fallback
      if !rest.isEmpty { evaluatePrograms(facts, day: day, plan: plan, only: rest, into: truths) }
    }
  }

  /// Evaluates the rules (all, or those in `only`) with their compiled programs, in one shared frame.
  func evaluatePrograms(
    _ facts: FactVector, day: CalendarDay?, plan: DecisionPlan, only: [Int]?, into truths: UnsafeMutableBufferPointer<UInt8>
  ) {
    let today = day?.daysSinceEpoch
    plan.steps.withUnsafeBufferPointer { steps in
      SharedEvaluation.with(facts, definitions: plan.definitions, locals: plan.locals) { shared in
        func evaluate(_ index: Int) {
          let step = steps[index]
          if let today, today < step.from || today > step.until {
            truths[index] = 255
            return
          }
          let scope = step.scope?.truth(in: shared) ?? .true
          truths[index] = (scope == .false ? Truth.false : scope && (step.condition?.truth(in: shared) ?? .true)).rawValue
        }
        if let only {
          for index in only { evaluate(index) }
        } else {
          for index in 0..<steps.count { evaluate(index) }
        }
      }
    }
  }

  /// The verdict from rule truths: overrides applied, the most restrictive level, the levels still possible.
  /// The rule lists are written into `lists` when given (cleared first, keeping their storage).
  func aggregate(_ plan: DecisionPlan, truths: UnsafeBufferPointer<UInt8>, lists: UnsafeMutablePointer<RuleDecision>?) -> Decision {
    lists?.pointee.applying.removeAll(keepingCapacity: true)
    lists?.pointee.undetermined.removeAll(keepingCapacity: true)
    var level: Int8 = 0
    var possible: UInt8 = 0
    plan.steps.withUnsafeBufferPointer { steps in
      plan.overriders.withUnsafeBufferPointer { overriders in
        for index in 0..<steps.count where truths[index] != 255 && truths[index] != Truth.false.rawValue {
          let step = steps[index]
          var status = Truth(rawValue: truths[index])!
          for position in Int(step.overridersStart)..<Int(step.overridersEnd) {
            let other = truths[Int(overriders[position])]
            if other == 255 { continue }
            if other == Truth.true.rawValue {
              status = .false
              break
            }
            if other == Truth.unknown.rawValue, status == .true { status = .unknown }
          }
          switch status {
          case .true:
            lists?.pointee.applying.append(index)
            if step.rank > level { level = step.rank }
          case .unknown:
            lists?.pointee.undetermined.append(index)
            if step.rank >= 0 { possible |= 1 << step.rank }
          case .false:
            break
          }
        }
      }
    }
    let verdict = VerdictLevel.allCases.first { $0.rank == Int(level) } ?? .allowed
    let higher = possible & ~((2 << level) - 1)
    return Decision(level: verdict, determined: higher == 0, possibleLevels: higher | (1 << level))
  }
}
