import Rulebook
import RuleLanguage

/// The rules of one epoch laid out flat for deciding verdicts in a hot loop: no copying of
/// rules and no reference counting per rule (the plan holds unowned references; the epoch
/// that owns the programs outlives it).
struct DecisionPlan: @unchecked Sendable {
  struct Step {
    unowned(unsafe) let scope: CompiledProgram?
    unowned(unsafe) let condition: CompiledProgram?
    /// `VerdictLevel.rank`, or -1 for an information duty.
    let rank: Int8
    /// Validity in days since the epoch (`Int64.min`/`max` when open).
    let from: Int64
    let until: Int64
    /// Range in `overriders` of the rules that set this one aside.
    let overridersStart: Int32
    let overridersEnd: Int32
  }

  let steps: [Step]
  let overriders: [Int32]
  let definitions: Int
  let locals: Int
  /// Keeps the epoch (and so the programs) alive as long as the plan.
  let epoch: Epoch

  init(_ epoch: Epoch) {
    var steps: [Step] = []
    var overriders: [Int32] = []
    for compiled in epoch.rules {
      let start = Int32(overriders.count)
      overriders += compiled.overriddenBy.map { Int32($0) }
      steps.append(
        Step(
          scope: compiled.scope, condition: compiled.condition, rank: compiled.level.map { Int8($0.rank) } ?? -1,
          from: compiled.rule.validity.from?.daysSinceEpoch ?? .min, until: compiled.rule.validity.until?.daysSinceEpoch ?? .max,
          overridersStart: start, overridersEnd: Int32(overriders.count)))
    }
    self.steps = steps
    self.overriders = overriders
    definitions = epoch.environment.definitions.count
    locals = epoch.environment.localCount
    self.epoch = epoch
  }
}
