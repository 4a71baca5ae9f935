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
    let plan = day.flatMap { day in plans.first { $0.epoch.validity.contains(day) } } ?? plans[0]
    let today = day?.daysSinceEpoch
    var level: Int8 = 0
    var possible: UInt8 = 0
    plan.steps.withUnsafeBufferPointer { steps in
      plan.overriders.withUnsafeBufferPointer { overriders in
        // Truth per rule as a raw value; 255 marks a rule not in force on the day.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: steps.count) { truths in
          // One frame for all rules: shared definitions are computed once.
          SharedEvaluation.with(facts, definitions: plan.definitions, locals: plan.locals) { shared in
            for index in 0..<steps.count {
              let step = steps[index]
              if let today, today < step.from || today > step.until {
                truths[index] = 255
                continue
              }
              let scope = step.scope?.truth(in: shared) ?? .true
              let truth = scope == .false ? Truth.false : scope && (step.condition?.truth(in: shared) ?? .true)
              truths[index] = truth.rawValue
            }
          }
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
              applying.append(index)
              if step.rank > level { level = step.rank }
            case .unknown:
              undetermined.append(index)
              if step.rank >= 0 { possible |= 1 << step.rank }
            case .false:
              break
            }
          }
        }
      }
    }
    let verdict = VerdictLevel.allCases.first { $0.rank == Int(level) } ?? .allowed
    let higher = possible & ~((2 << level) - 1)
    return Decision(level: verdict, determined: higher == 0, possibleLevels: higher | (1 << level))
  }
}
