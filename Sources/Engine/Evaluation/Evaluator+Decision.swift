import Rulebook
import RuleLanguage

/// The verdict of an initiative without explanations: what a batch needs, computed with
/// little allocation.
public struct Decision: Sendable, Hashable {
  public var level: VerdictLevel
  public var determined: Bool
  /// The levels it can still take, as a bit set over `VerdictLevel.rank`.
  public var possibleLevels: UInt8
}

extension Evaluator {
  /// Decides the verdict, filling `applying` and `undetermined` with rule indices (cleared first).
  ///
  /// - Complexity: O(*r*) condition evaluations for *r* rules in force.
  public func decide(_ facts: FactVector, on day: CalendarDay?, applying: inout [Int], undetermined: inout [Int]) -> Decision {
    applying.removeAll(keepingCapacity: true)
    undetermined.removeAll(keepingCapacity: true)
    let epoch = rulebook.epoch(on: day)
    var truths = [Truth](repeating: .false, count: epoch.rules.count)
    var inForce = [Bool](repeating: true, count: epoch.rules.count)
    for (index, compiled) in epoch.rules.enumerated() {
      if let day, !compiled.rule.validity.contains(day) {
        inForce[index] = false
        continue
      }
      let scope = compiled.scope?.evaluateTruth(facts) ?? .true
      truths[index] = scope == .false ? .false : scope && (compiled.condition?.evaluateTruth(facts) ?? .true)
    }
    var level = VerdictLevel.allowed
    var possible: UInt8 = 0
    for (index, compiled) in epoch.rules.enumerated() where inForce[index] && truths[index] != .false {
      var status = truths[index]
      for other in compiled.overriddenBy where inForce[other] {
        if truths[other] == .true {
          status = .false
          break
        }
        if truths[other] == .unknown, status == .true { status = .unknown }
      }
      switch status {
      case .true:
        applying.append(index)
        if let ruleLevel = compiled.rule.outcome.level, ruleLevel > level { level = ruleLevel }
      case .unknown:
        undetermined.append(index)
        if let ruleLevel = compiled.rule.outcome.level { possible |= 1 << ruleLevel.rank }
      case .false:
        break
      }
    }
    let higher = possible & ~((2 << level.rank) - 1)
    return Decision(level: level, determined: higher == 0, possibleLevels: higher | (1 << level.rank))
  }
}
