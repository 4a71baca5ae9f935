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
    let rules = epoch.rules
    var level = VerdictLevel.allowed
    var possible: UInt8 = 0
    // Truth per rule; `nil` marks a rule not in force on the day.
    withUnsafeTemporaryAllocation(of: Truth?.self, capacity: rules.count) { truths in
      // One frame for all rules: shared definitions are computed once.
      SharedEvaluation.with(facts, definitions: epoch.environment.definitions.count, locals: epoch.environment.localCount) { shared in
        for index in rules.indices {
          let compiled = rules[index]
          if let day, !compiled.rule.validity.contains(day) {
            truths.initializeElement(at: index, to: nil)
            continue
          }
          let scope = compiled.scope?.truth(in: shared) ?? .true
          truths.initializeElement(at: index, to: scope == .false ? .false : scope && (compiled.condition?.truth(in: shared) ?? .true))
        }
      }
      for index in rules.indices {
        guard let truth = truths[index], truth != .false else { continue }
        let compiled = rules[index]
        var status = truth
        for other in compiled.overriddenBy {
          guard let otherTruth = truths[other] else { continue }
          if otherTruth == .true {
            status = .false
            break
          }
          if otherTruth == .unknown, status == .true { status = .unknown }
        }
        switch status {
        case .true:
          applying.append(index)
          if let ruleLevel = compiled.level, ruleLevel > level { level = ruleLevel }
        case .unknown:
          undetermined.append(index)
          if let ruleLevel = compiled.level { possible |= 1 << ruleLevel.rank }
        case .false:
          break
        }
      }
    }
    let higher = possible & ~((2 << level.rank) - 1)
    return Decision(level: level, determined: higher == 0, possibleLevels: higher | (1 << level.rank))
  }
}
