import Rulebook
import RuleLanguage

/// The rules of one epoch laid out flat for deciding verdicts in a hot loop: no copying of
/// rules and no reference counting per rule (the plan holds unowned references; the epoch
/// that owns the programs outlives it). A class, so that handing it to a decision retains
/// one object, not each of its arrays.
final class DecisionPlan: @unchecked Sendable {
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
  /// The scope and condition of every rule it can hold, in one straight-line program.
  let flat: FlatProgram
  /// The register of each step's truth in `flat`, or -1 for a step evaluated by its programs.
  let outputs: [Int32]
  /// The steps `flat` does not hold.
  let fallback: [Int]
  /// The steps with a validity that does not cover every day.
  let limited: [Int]
  let definitions: Int
  let locals: Int
  /// Keeps the epoch (and so the programs) alive as long as the plan.
  let epoch: Epoch

  init(_ epoch: Epoch) {
    var steps: [Step] = []
    var overriders: [Int32] = []
    var builder = FlatProgramBuilder(environment: epoch.environment)
    var outputs: [Int32] = []
    for compiled in epoch.rules {
      outputs.append(Self.register(scope: compiled.scope, condition: compiled.condition, in: &builder) ?? -1)
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
    flat = builder.build()
    self.outputs = outputs
    fallback = outputs.indices.filter { outputs[$0] < 0 }
    limited = steps.indices.filter { steps[$0].from != .min || steps[$0].until != .max }
    definitions = epoch.environment.definitions.count
    locals = epoch.environment.localCount
    self.epoch = epoch
  }

  /// The register of `scope and condition` (each `true` when absent), if the flat program holds both.
  static func register(scope: CompiledProgram?, condition: CompiledProgram?, in builder: inout FlatProgramBuilder) -> Int32? {
    var parts: [Int32] = []
    for program in [scope, condition] {
      guard let program else { continue }
      guard let register = builder.add(program.checked) else { return nil }
      parts.append(register)
    }
    switch parts.count {
    case 0: return builder.constant(.true)
    case 1: return parts[0]
    default: return builder.and(parts[0], parts[1])
    }
  }
}
