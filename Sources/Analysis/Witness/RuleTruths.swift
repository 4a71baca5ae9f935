import Rulebook
import RuleLanguage

/// The truths the engine computes for an epoch's rules over one (partial) fact vector, in
/// Kleene logic, so that a search can prune as soon as a goal is `false`.
struct RuleTruths {
  let rulebook: CompiledRulebook
  let epoch: Epoch

  /// Whether the rule is in force on the vector's date (`unknown` without a date).
  func inForce(_ index: Int, _ facts: FactVector) -> Truth {
    let validity = epoch.rules[index].rule.validity
    if validity == .always { return .true }
    guard case .date(let day) = facts[rulebook.dateSlot] else { return .unknown }
    return validity.contains(day) ? .true : .false
  }

  /// In force and in scope.
  func inScope(_ index: Int, _ facts: FactVector) -> Truth {
    let force = inForce(index, facts)
    guard force != .false else { return .false }
    return force && (epoch.rules[index].scope?.evaluateTruth(facts) ?? .true)
  }

  /// In force, in scope and the condition holds (before exceptions).
  func own(_ index: Int, _ facts: FactVector) -> Truth {
    let scope = inScope(index, facts)
    guard scope != .false else { return .false }
    return scope && (epoch.rules[index].condition?.evaluateTruth(facts) ?? .true)
  }

  /// Applies: its own truth, and no exception (a rule that overrides it) applies.
  func applies(_ index: Int, _ facts: FactVector) -> Truth {
    var result = own(index, facts)
    for other in epoch.rules[index].overriddenBy where result != .false {
      result = result && !own(other, facts)
    }
    return result
  }

  /// Whether the vector meets the rulebook's constraints between facts (`unknown` while open).
  func admissible(_ facts: FactVector) -> Truth {
    var result = Truth.true
    for constraint in epoch.constraints where result != .false {
      result = result && constraint.program.evaluateTruth(facts)
    }
    return result
  }

  /// The compiled programs of the rules (scope and condition).
  func programs(_ indices: [Int]) -> [CompiledProgram] {
    indices.flatMap { [epoch.rules[$0].scope, epoch.rules[$0].condition].compactMap { $0 } }
  }
}
