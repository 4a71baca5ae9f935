import Engine
import Rulebook
import RuleLanguage

/// The values a witness search tries for each fact: every threshold value compared with the
/// fact and its neighbours by the fact's step, every enumeration case, both booleans, and a few
/// days of different kinds for the date. Each candidate is written as a resident would and read
/// back, so a witness always binds.
struct CandidateValues {
  let rulebook: CompiledRulebook
  let epoch: Epoch

  /// Days of each kind the calendar builtins distinguish: a weekday, a Saturday, a Sunday and
  /// a public holiday (Koningsdag), in 2025 and 2026.
  static let baseDays: [CalendarDay] = [
    (2026, 6, 17), (2026, 6, 20), (2026, 6, 21), (2026, 4, 27), (2025, 7, 16), (2025, 7, 19), (2025, 7, 20), (2025, 4, 26),
  ].compactMap { CalendarDay(year: $0.0, month: $0.1, day: $0.2) }

  /// The candidates for each slot that `programs` read, from the thresholds in `programs`.
  func candidates(for slots: [Int], programs: [CompiledProgram], rules: [Int]) -> [Int: [Value]] {
    var thresholds: [Int: [Threshold]] = [:]
    var shape = ComparisonShape(environment: epoch.environment)
    for program in programs {
      for threshold in epoch.environment.thresholds(in: program.checked) { thresholds[threshold.slot, default: []].append(threshold) }
      shape.scan(program.checked)
    }
    var result: [Int: [Value]] = [:]
    for slot in slots {
      result[slot] = slot == rulebook.dateSlot
        ? days(thresholds[slot] ?? [], rules: rules) : values(slot, thresholds[slot] ?? [], extra: shape.values[slot] ?? [])
    }
    return result
  }

  func values(_ slot: Int, _ thresholds: [Threshold], extra: [Value] = []) -> [Value] {
    let fact = rulebook.facts[slot]
    var raw: [Value] = []
    switch fact.type {
    case .bool:
      raw = [.bool(false), .bool(true)]
    case .enumeration:
      raw = (rulebook.enumCases(of: fact) ?? []).map { .enumCase($0) }
    case .list:
      let cases = (rulebook.enumCases(of: fact) ?? []).map { Value.enumCase($0) }
      raw = [.list([])] + cases.map { .list([$0]) } + (cases.count > 1 ? [.list(cases)] : [])
    case .text:
      raw = thresholds.compactMap { if case .text = $0.value { $0.value } else { nil } } + [.text("anders")]
    default:
      for threshold in thresholds.map(\.value) + extra {
        guard let value = converted(threshold, to: fact.type) else { continue }
        raw += [value] + neighbours(value, step: fact.step)
      }
      if raw.isEmpty { raw = [fact.minimum ?? fallback(fact.type)].compactMap { $0 } }
    }
    return readable(raw, fact)
  }

  /// Days in force in the epoch and in the rules' periods, of each kind, plus each date threshold
  /// and the days around it.
  func days(_ thresholds: [Threshold], rules: [Int]) -> [Value] {
    var days = Self.baseDays
    for threshold in thresholds where threshold.exact {
      if case .date(let day) = threshold.value { days += [day.advanced(by: -1), day, day.advanced(by: 1)] }
    }
    for index in rules {
      let validity = epoch.rules[index].rule.validity
      days += [validity.from, validity.until].compactMap { $0 }
    }
    for end in [epoch.validity.from, epoch.validity.until].compactMap({ $0 }) { days += [end, end.advanced(by: 1), end.advanced(by: -1)] }
    var seen = Set<CalendarDay>()
    return days.filter { epoch.validity.contains($0) && seen.insert($0).inserted }.sorted().map { .date($0) }
  }

  /// The value in the fact's own type (an `int` threshold on a `decimal` fact), or nil.
  func converted(_ value: Value, to type: ValueType) -> Value? {
    switch (value, type) {
    case (.integer(let i), .decimal): return .decimal(FixedDecimal(i))
    case (.decimal(let d), .integer): return d.integerValue.map { .integer($0) }
    case (.decimal(let d), .quantity(let unit)): return .quantity(d, unit)
    case (.integer(let i), .quantity(let unit)): return .quantity(FixedDecimal(i), unit)
    case (.integer(let i), .money): return .money(i * 100)
    default: return value.valueType == type ? value : nil
    }
  }

  /// The values one step below and above (the fact's step, else the smallest unit).
  func neighbours(_ value: Value, step: Value?) -> [Value] {
    func scaled(_ fallback: Int64) -> Int64 {
      switch step {
      case .integer(let i)?: i
      case .decimal(let d)?: d.scaled
      case .quantity(let d, _)?: d.scaled
      case .duration(let m)?: m
      case .time(let t)?: t.minutes
      case .money(let c)?: c
      default: fallback
      }
    }
    switch value {
    case .integer(let i): let s = scaled(1); return [.integer(i - s), .integer(i + s)]
    case .decimal(let d):
      let s = scaled(FixedDecimal.scale / 100)
      return [.decimal(FixedDecimal(scaled: d.scaled - s)), .decimal(FixedDecimal(scaled: d.scaled + s))]
    case .quantity(let d, let unit):
      let s = scaled(FixedDecimal.scale / 100)
      return [.quantity(FixedDecimal(scaled: d.scaled - s), unit), .quantity(FixedDecimal(scaled: d.scaled + s), unit)]
    case .time(let t): let s = scaled(1); return [.time(TimeOfDay(minutes: t.minutes - s)), .time(TimeOfDay(minutes: t.minutes + s))]
    case .duration(let m): let s = scaled(1); return [.duration(m - s), .duration(m + s)]
    case .workingDays(let n): return [.workingDays(n - 1), .workingDays(n + 1)]
    case .money(let c): let s = scaled(1); return [.money(c - s), .money(c + s)]
    default: return []
    }
  }

  func fallback(_ type: ValueType) -> Value? {
    switch type {
    case .integer: .integer(0)
    case .decimal: .decimal(FixedDecimal(0))
    case .time: .time(TimeOfDay(hour: 12, minute: 0))
    case .duration: .duration(60)
    case .workingDays: .workingDays(10)
    case .money: .money(0)
    case .quantity(let unit): .quantity(FixedDecimal(0), unit)
    default: nil
    }
  }

  /// The candidates a resident can write: times past midnight become the next day's time,
  /// values outside the fact's range are dropped, and each is read back as the binder would.
  func readable(_ values: [Value], _ fact: FactDeclaration) -> [Value] {
    var result: [Value] = []
    for var value in values {
      if case .time(let t) = value, t.minutes > 1440 { value = .time(TimeOfDay(minutes: t.minutes - 1440)) }
      if case .time(let t) = value, t.minutes < 0 { continue }
      let read: Value?
      if case .list = value {
        read = value
      } else {
        read = try? InputValueParser.value(Witness.inputText(value), as: fact.type, enumCases: rulebook.enumCases(of: fact)).get()
      }
      guard let read, FactBinder.rangeProblem(read, fact) == nil, !result.contains(read) else { continue }
      result.append(read)
    }
    return result
  }
}
