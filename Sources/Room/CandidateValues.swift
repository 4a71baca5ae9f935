import Engine
import Rulebook
import RuleLanguage

/// The values worth trying for a fact: each threshold it is compared with, and the neighbours
/// one step either side, within the fact's range; every case of a choice; both truth values.
///
/// For a condition that compares a fact with constants, the verdict as a function of that fact
/// changes only at these values, so trying them is as good as trying every value.
struct CandidateValues {
  let rulebook: CompiledRulebook
  let index: ThresholdIndex

  init(rulebook: CompiledRulebook, index: ThresholdIndex) {
    self.rulebook = rulebook
    self.index = index
  }

  /// The candidates for `slot`, sorted by distance from `current` (all of them when unknown),
  /// never `current` itself. `anchor` is the value of the fact a time follows (`start` for `end`).
  ///
  /// - Complexity: O(*t* log *t*) for *t* thresholds on the fact.
  func values(for slot: Int, current: Value, anchor: Value? = nil, facts: FactVector? = nil) -> [Value] {
    let fact = rulebook.facts[slot]
    switch fact.type {
    case .bool:
      return [Value.bool(false), .bool(true)].filter { $0 != current }
    case .enumeration:
      return (index.cases[slot] ?? []).map(Value.enumCase).filter { $0 != current }
    case .list, .text:
      return []
    default:
      break
    }
    guard current.isUnknown else { return moves(for: slot, current: current, anchor: anchor, facts: facts).map(\.value) }
    var result: [Value] = []
    for candidate in index.candidates[slot] + relational(for: slot, facts: facts) where !result.contains(candidate) {
      if case .time(let time) = candidate, case .time(let start)? = anchor, time.minutes <= start.minutes { continue }
      result.append(candidate)
    }
    return result.sorted { ValueOrder.less($0, $1) }
  }

  /// The candidates for `slot` with their distances from `current` (known), nearest first: the
  /// same candidates in the same order as `values(for:current:anchor:)`.
  func moves(for slot: Int, current: Value, anchor: Value? = nil, facts: FactVector? = nil) -> [(value: Value, distance: Double)] {
    let step = index.steps[slot]
    switch rulebook.facts[slot].type {
    case .bool, .enumeration, .list, .text:
      return values(for: slot, current: current, anchor: anchor, facts: facts).map { ($0, ValueSteps.distance(from: current, to: $0, step: step)) }
    default:
      break
    }
    var result: [(value: Value, distance: Double)] = []
    for candidate in index.candidates[slot] + relational(for: slot, facts: facts)
    where candidate != current && !result.contains(where: { $0.value == candidate }) {
      if case .time(let time) = candidate, case .time(let start)? = anchor, time.minutes <= start.minutes { continue }
      result.append((candidate, ValueSteps.distance(from: current, to: candidate, step: step)))
    }
    return result.indices.sorted { result[$0].distance < result[$1].distance }.map { result[$0] }
  }

  /// The values a comparison with another fact sets for this one, initiative by initiative: at
  /// and next to the other fact's value (`panel_edge_distance >= panel_height` with a panel of
  /// 1.2 m gives 1.2 m for the distance, and the distance's value for the height).
  func relational(for slot: Int, facts: FactVector?) -> [Value] {
    guard let facts, !index.relations[slot].isEmpty else { return [] }
    let fact = rulebook.facts[slot]
    let step = ValueSteps.step(of: fact)
    var result: [Value] = []
    for relation in index.relations[slot] {
      guard !facts[relation.other].isUnknown, let value = ValueSteps.conform(facts[relation.other], to: fact.type) else { continue }
      for times in Self.offsets(relation.comparison, exact: true) {
        guard let candidate = times == 0 ? value : ValueSteps.offset(value, by: step, times: times) else { continue }
        if ValueSteps.inRange(candidate, fact), !result.contains(candidate) { result.append(candidate) }
      }
    }
    return result
  }

  /// The values at and next to `thresholds` of a fact that lie in its range, each once, in the
  /// order of the thresholds.
  static func thresholdValues(_ thresholds: [(rule: Int, threshold: Threshold)], _ fact: FactDeclaration) -> [Value] {
    switch fact.type {
    case .bool, .enumeration, .list, .text: return []
    default: break
    }
    let step = ValueSteps.step(of: fact)
    var result: [Value] = []
    var seen = Set<Value>()
    for (_, threshold) in thresholds {
      guard let value = ValueSteps.conform(threshold.value, to: fact.type) else { continue }
      for times in Self.offsets(threshold) {
        guard let candidate = times == 0 ? value : ValueSteps.offset(value, by: step, times: times) else { continue }
        guard ValueSteps.inRange(candidate, fact), seen.insert(candidate).inserted else { continue }
        result.append(candidate)
      }
    }
    return result
  }

  /// The steps from a threshold at which the comparison's truth changes: `x <= t` changes
  /// between `t` and `t + 1`, `x < t` between `t - 1` and `t`; all three where the comparison is
  /// an equality or over arithmetic (approximate).
  static func offsets(_ threshold: Threshold) -> [Int64] {
    offsets(threshold.comparison, exact: threshold.exact)
  }

  static func offsets(_ comparison: BinaryOperator, exact: Bool) -> [Int64] {
    guard exact else { return [0, -1, 1] }
    switch comparison {
    case .lessEqual, .greater: return [0, 1]
    case .less, .greaterEqual: return [0, -1]
    default: return [0, -1, 1]
    }
  }
}
