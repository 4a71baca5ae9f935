import Engine
import Rulebook
import RuleLanguage

/// Builds fact vectors from a rulebook's vocabulary, drawing every choice from `next(bound)`
/// (a number in `0..<bound`), so that property tests (random numbers) and the evaluator fuzz
/// target (the fuzzer's bytes) share one generator. `Fuzz/Evaluator/FactSampler.swift` is a
/// link to this file.
struct FactSampler {
  let rulebook: CompiledRulebook
  /// Keep values inside each fact's declared `min`/`max` and away from the extremes of
  /// `Int64`, as the fact binder would (property tests); false lets anything through (fuzzing).
  var valid = true

  /// A vector where each fact is unknown with chance `unknownPercent` in 100.
  func vector(unknownPercent: Int, _ next: (Int) -> Int) -> FactVector {
    var facts = FactVector(count: rulebook.facts.count)
    for (slot, fact) in rulebook.facts.enumerated() where next(100) >= unknownPercent {
      var value = value(of: fact.type, cases: rulebook.enumCases(of: fact) ?? [], fact: fact, next)
      if valid, let minimum = fact.minimum, ValueOrder.less(value, minimum) { value = minimum }
      if valid, let maximum = fact.maximum, ValueOrder.less(maximum, value) { value = maximum }
      facts[slot] = value
    }
    return facts
  }

  /// A value of `type`: mostly near the declared range and the thresholds, sometimes extreme.
  func value(of type: ValueType, cases: [String], fact: FactDeclaration?, _ next: (Int) -> Int) -> Value {
    func number() -> Int64 {
      let interesting: [Int64] = [0, 1, 2, 5, 10, 24, 25, 50, 99, 100, 101, 149, 150, 151, 250, 500, 1000, 5000, -1]
      switch next(10) {
      case 0...5: return Int64(next(2000))
      case 6...8: return interesting[next(interesting.count)]
      default: return valid ? Int64(next(100)) : [Int64.max, Int64.min, Int64(Int32.max), -1_000_000_000_000][next(4)]
      }
    }
    switch type {
    case .bool: return .bool(next(2) == 1)
    case .integer: return .integer(number())
    case .decimal: return .decimal(next(2) == 0 ? FixedDecimal(number()) : FixedDecimal(scaled: number()))
    case .text: return .text(["", "Dorpsstraat", "NO", "één café", "x"][next(5)])
    case .enumeration: return cases.isEmpty ? .enumCase("x") : .enumCase(cases[next(cases.count)])
    case .date:
      return .date(CalendarDay(year: 2024 + next(4), month: 1 + next(12), day: 1 + next(28))!)
    case .time: return .time(TimeOfDay(minutes: Int64(next(30 * 60))))
    case .duration: return .duration(Int64(next(20_000)))
    case .workingDays: return .workingDays(Int64(next(60)))
    case .money: return .money(number())
    case .quantity(let unit): return .quantity(next(2) == 0 ? FixedDecimal(number()) : FixedDecimal(scaled: number()), unit)
    case .list(let element):
      return .list((0..<next(4)).map { _ in value(of: element, cases: cases, fact: nil, next) })
    }
  }
}
