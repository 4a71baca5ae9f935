import Engine
import Rulebook
import RuleLanguage

/// Known facts close to a threshold whose crossing changes the verdict: fragile verdicts
/// (145 visitors against a limit of 150).
struct NearMisses {
  var context: RoomContext
  /// How close counts as near: relative to the value for amounts.
  var relativeMargin = 0.1
  /// How close counts as near for times (minutes) and dates (days).
  var timeMargin = 60.0
  var dateMargin = 7.0

  /// - Complexity: O(*t* · *r*) for *t* thresholds on known facts and *r* rules: one decision
  ///   per threshold within the margin.
  mutating func run() -> [NearMiss] {
    var items: [NearMiss] = []
    var seen = Set<Crossing>()
    var facts = context.facts
    let baseline = context.baseline
    for slot in context.rulebook.facts.indices where !context.index.thresholds[slot].isEmpty {
      let current = context.facts[slot]
      guard !current.isUnknown, let x = ValueOrder.key(current) else { continue }
      let fact = context.rulebook.facts[slot]
      let step = context.index.steps[slot]
      for (ruleIndex, threshold) in context.index.thresholds[slot] {
        guard let limit = ValueSteps.conform(threshold.value, to: fact.type),
          let crossing = Self.crossing(current, threshold.comparison, limit, step: step),
          let y = ValueOrder.key(crossing), ValueSteps.inRange(crossing, fact)
        else { continue }
        if case .time(let time) = crossing, case .time(let start)? = context.anchor(of: slot, in: facts), time.minutes <= start.minutes {
          continue
        }
        let absolute = abs(y - x)
        let relative = absolute / max(abs(x), ValueSteps.size(step), 1e-9)
        let near: Bool
        switch current {
        case .time: near = absolute <= timeMargin
        case .date: near = absolute <= dateMargin
        default: near = relative <= relativeMargin
        }
        guard near, seen.insert(Crossing(slot: slot, value: crossing)).inserted else { continue }
        context.set(slot, crossing, in: &facts)
        defer { context.restore(slot, from: context.facts, in: &facts) }
        guard context.meetsConstraints(facts, changed: [slot]) else { continue }
        // Only this fact differs from the initiative's: decided from the baseline.
        let outcome = context.decide(facts, changed: [slot])
        guard outcome.decision != baseline.decision || outcome.required != baseline.required else { continue }
        let rule = context.epoch.rules[ruleIndex].rule
        items.append(
          NearMiss(
            rule: rule.id, fact: fact.name, value: current, comparison: "\(fact.name) \(threshold.comparison.rawValue) \(limit)",
            threshold: limit, parameter: threshold.parameter, crossing: crossing, absoluteMargin: absolute, relativeMargin: relative,
            verdictAcross: context.summary(outcome), exact: threshold.exact, citation: rule.citation))
      }
    }
    return items.sorted { $0.relativeMargin < $1.relativeMargin }
  }

  /// A fact's value across a threshold, tried once however many rules share the threshold.
  struct Crossing: Hashable {
    var slot: Int
    var value: Value
  }

  /// The first value on the other side of `fact op limit` from `current`.
  static func crossing(_ current: Value, _ op: BinaryOperator, _ limit: Value, step: Value?) -> Value? {
    guard let order = Value.order(current, limit) else { return nil }
    switch op {
    case .lessEqual: return order <= 0 ? ValueSteps.offset(limit, by: step, times: 1) : limit
    case .less: return order < 0 ? limit : ValueSteps.offset(limit, by: step, times: -1)
    case .greaterEqual: return order >= 0 ? ValueSteps.offset(limit, by: step, times: -1) : limit
    case .greater: return order > 0 ? limit : ValueSteps.offset(limit, by: step, times: 1)
    default: return nil
    }
  }
}
