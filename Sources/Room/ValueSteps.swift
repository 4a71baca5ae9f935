import Engine
import Rulebook
import RuleLanguage

/// Steps, offsets and distances for the values of adjustable facts.
enum ValueSteps {
  /// The fact's declared step, or the smallest sensible one for its type.
  static func step(of fact: FactDeclaration) -> Value? {
    if let step = fact.step { return step }
    switch fact.type {
    case .integer: return .integer(1)
    case .decimal: return .decimal(FixedDecimal(1))
    case .quantity(let unit): return .quantity(FixedDecimal(1), unit)
    case .time: return .time(TimeOfDay(minutes: 1))
    case .duration: return .duration(1)
    case .workingDays: return .workingDays(1)
    case .money: return .money(1)
    case .date: return .integer(1)
    default: return nil
    }
  }

  /// The step as a number in the unit of `ValueOrder.key`.
  static func size(_ step: Value?) -> Double {
    guard let step else { return 1 }
    if case .integer(let days) = step { return Double(days) }
    return ValueOrder.key(step) ?? 1
  }

  /// `value + times × step`, in the value's own type; nil when they do not combine.
  static func offset(_ value: Value, by step: Value?, times: Int64) -> Value? {
    guard let step else { return nil }
    switch (value, step) {
    case (.integer(let v), .integer(let s)): return .integer(v + times * s)
    case (.decimal(let v), .decimal(let s)): return .decimal(FixedDecimal(scaled: v.scaled + times * s.scaled))
    case (.decimal(let v), .integer(let s)): return .decimal(FixedDecimal(scaled: v.scaled + times * s * FixedDecimal.scale))
    case (.integer(let v), .decimal(let s)):
      return .decimal(FixedDecimal(scaled: v * FixedDecimal.scale + times * s.scaled))
    case (.quantity(let v, let unit), .quantity(let s, _)): return .quantity(FixedDecimal(scaled: v.scaled + times * s.scaled), unit)
    case (.quantity(let v, let unit), .decimal(let s)): return .quantity(FixedDecimal(scaled: v.scaled + times * s.scaled), unit)
    case (.quantity(let v, let unit), .integer(let s)):
      return .quantity(FixedDecimal(scaled: v.scaled + times * s * FixedDecimal.scale), unit)
    case (.time(let v), .time(let s)): return .time(TimeOfDay(minutes: v.minutes + times * s.minutes))
    case (.time(let v), .duration(let s)): return .time(TimeOfDay(minutes: v.minutes + times * s))
    case (.duration(let v), .duration(let s)): return .duration(v + times * s)
    case (.workingDays(let v), .workingDays(let s)): return .workingDays(v + times * s)
    case (.money(let v), .money(let s)): return .money(v + times * s)
    case (.date(let v), .integer(let s)): return .date(v.advanced(by: times * s))
    default: return nil
    }
  }

  /// Converts a threshold value to the fact's type where they differ only in form (an integer
  /// threshold for a decimal or quantity fact).
  static func conform(_ value: Value, to type: ValueType) -> Value? {
    switch (value, type) {
    case (.integer, .integer), (.decimal, .decimal), (.time, .time), (.duration, .duration), (.money, .money), (.date, .date),
      (.workingDays, .workingDays):
      return value
    case (.integer(let i), .decimal): return .decimal(FixedDecimal(i))
    case (.integer(let i), .quantity(let unit)): return .quantity(FixedDecimal(i), unit)
    case (.decimal(let d), .quantity(let unit)): return .quantity(d, unit)
    case (.quantity(let d, let unit), .quantity(let factUnit)) where unit == factUnit: return .quantity(d, unit)
    case (.enumCase, .enumeration), (.bool, .bool), (.text, .text): return value
    default: return nil
    }
  }

  /// The normalised size of changing `from` to `to`: the relative change for amounts, the
  /// change over half a day for times, 1 for a changed yes/no or choice.
  static func distance(from: Value, to: Value, step: Value?) -> Double {
    if case .time(let a) = from, case .time(let b) = to { return Double(abs(a.minutes - b.minutes)) / 720 }
    if case .date(let a) = from, case .date(let b) = to { return Double(abs(a.daysSinceEpoch - b.daysSinceEpoch)) / 30 }
    guard let x = ValueOrder.key(from), let y = ValueOrder.key(to) else { return from == to ? 0 : 1 }
    return abs(x - y) / max(abs(x), size(step), 1e-9)
  }

  /// Whether the value lies within the fact's minimum and maximum.
  static func inRange(_ value: Value, _ fact: FactDeclaration) -> Bool {
    FactBinder.rangeProblem(value, fact) == nil
  }

  /// The text a resident would write for `value` (`18:30`, `ja`, `16 m2`, `150`).
  static func inputText(_ value: Value) -> String {
    switch value {
    case .bool(let flag): return flag ? "ja" : "nee"
    case .time(let time): return TimeOfDay(minutes: time.minutes == 1440 ? 1440 : time.minutes % 1440).description
    case .quantity(let amount, let unit): return "\(amount) \(unit.symbol)"
    case .money(let cents): return "\(cents / 100),\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
    case .text(let text): return text
    default: return value.description
    }
  }
}

extension Value {
  /// The text a resident would write for this value (`18:30`, `ja`, `16 m2`).
  public var inputText: String { ValueSteps.inputText(self) }
}
