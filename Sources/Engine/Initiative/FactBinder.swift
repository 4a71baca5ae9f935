import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Turns an initiative's written facts into a fact vector for one rulebook: names checked
/// against the vocabulary (with did-you-mean), values parsed by type and checked against
/// ranges, next-day times and defaults applied, constraints between facts checked.
public enum FactBinder {
  /// The fact vector, and every problem with a fact, positioned at the value.
  public static func bind(_ initiative: Initiative, to rulebook: CompiledRulebook) -> (FactVector, [Diagnostic]) {
    var facts = FactVector(count: rulebook.facts.count)
    var diagnostics: [Diagnostic] = []
    if let date = initiative.date { facts[rulebook.dateSlot] = .date(date) }
    for raw in initiative.facts {
      guard let slot = rulebook.slotsByName[raw.name] else {
        let help = Suggestions.didYouMean(raw.name, in: rulebook.facts.map(\.name))
          ?? "the rulebook '\(rulebook.id)' asks no such thing; see 'bricoleur schema initiative'"
        diagnostics.append(
          .error(RulebookDiagnostics.unknownFact, "unknown fact '\(raw.name)'", at: raw.nameSpan, help: help))
        continue
      }
      // The declaration is read field by field: copying it whole retains every text it holds.
      switch parse(raw, as: rulebook.facts[slot].type, cases: rulebook.casesBySlot[slot], labels: rulebook.casesByLabel(slot: slot)) {
      case .success(let value):
        let (name, minimum, maximum) = (rulebook.facts[slot].name, rulebook.facts[slot].minimum, rulebook.facts[slot].maximum)
        if let problem = rangeProblem(value, name: name, minimum: minimum, maximum: maximum) {
          diagnostics.append(.error(RulebookDiagnostics.outOfRange, problem, at: raw.valueSpan ?? raw.nameSpan, help: "check the value"))
        } else {
          facts[slot] = value
        }
      case .failure(let problem):
        diagnostics.append(
          .error(
            RulebookDiagnostics.badFactValue, "fact '\(raw.name)': \(problem.message)", at: raw.valueSpan ?? raw.nameSpan,
            help: problem.help))
      }
    }
    normalise(&facts, rulebook: rulebook)
    if !diagnostics.hasErrors { diagnostics += constraintProblems(facts, initiative: initiative, rulebook: rulebook) }
    return (facts, diagnostics)
  }

  static func parse(_ raw: RawFact, as type: ValueType, cases: [String]?, labels: [String: String]? = nil) -> Result<Value, ValueProblem> {
    if let items = raw.items {
      guard case .list(let element) = type else {
        return .failure(ValueProblem(message: "a list was given, but it takes one value", help: "write a single value"))
      }
      var values: [Value] = []
      for item in items {
        switch InputValueParser.value(item.text, as: element, enumCases: cases, labels: labels) {
        case .success(let value): values.append(value)
        case .failure(let problem): return .failure(problem)
        }
      }
      return .success(.list(values))
    }
    guard let text = raw.text else { return .success(.unknown) }
    return InputValueParser.value(text, as: type, enumCases: cases, labels: labels)
  }

  /// A message when `value` lies outside the fact's `min`/`max`.
  public static func rangeProblem(_ value: Value, _ declaration: FactDeclaration) -> String? {
    rangeProblem(value, name: declaration.name, minimum: declaration.minimum, maximum: declaration.maximum)
  }

  static func rangeProblem(_ value: Value, name: String, minimum: Value?, maximum: Value?) -> String? {
    if let minimum, ValueOrder.less(value, minimum) {
      return "\(name) \(value) is less than the minimum \(minimum)"
    }
    if let maximum, ValueOrder.less(maximum, value) {
      return "\(name) \(value) is more than the maximum \(maximum)"
    }
    return nil
  }

  /// Applies `after:` (a time not after the start is on the next day) and `default:`.
  ///
  /// With `presuming` (the default), a judgement the official has not assessed takes its
  /// presumed value; the linter's search for witnesses leaves judgements free.
  public static func normalise(_ facts: inout FactVector, rulebook: CompiledRulebook, presuming: Bool = true) {
    for link in rulebook.nextDayLinks {
      if case .time(let time) = facts[link.slot], case .time(let start) = facts[link.anchor], time.minutes <= start.minutes {
        facts[link.slot] = .time(TimeOfDay(minutes: time.minutes + 1440))
      }
    }
    for link in rulebook.defaultLinks where facts[link.slot].isUnknown { facts[link.slot] = facts[link.fallback] }
    // A judgement the official has not assessed has its ordinary value; the evaluation says so.
    guard presuming else { return }
    for presumption in rulebook.presumptions where facts[presumption.slot].isUnknown { facts[presumption.slot] = presumption.value }
  }

  static func constraintProblems(_ facts: FactVector, initiative: Initiative, rulebook: CompiledRulebook) -> [Diagnostic] {
    rulebook.epoch(on: initiative.date).constraints.compactMap { constraint in
      guard constraint.program.evaluateTruth(facts) == .false else { return nil }
      let message = constraint.declaration.message.text(initiative.language ?? "nl")
      return .error(
        RulebookDiagnostics.constraint, message.isEmpty ? "constraint '\(constraint.declaration.id)' is not met" : message,
        at: initiative.span, notes: [DiagnosticNote("the constraint is declared here", at: constraint.declaration.span)])
    }
  }
}

/// Orders values of one type (numbers, times, dates, money, quantities).
public enum ValueOrder {
  /// Whether `a < b`; false for values that do not compare.
  public static func less(_ a: Value, _ b: Value) -> Bool {
    guard let x = key(a), let y = key(b) else { return false }
    return x < y
  }

  /// A number that orders values of one type, scaled to compare integers and decimals.
  public static func key(_ value: Value) -> Double? {
    switch value {
    case .integer(let i): Double(i)
    case .decimal(let d): Double(d.scaled) / Double(FixedDecimal.scale)
    case .quantity(let d, _): Double(d.scaled) / Double(FixedDecimal.scale)
    case .time(let t): Double(t.minutes)
    case .date(let d): Double(d.daysSinceEpoch)
    case .duration(let m): Double(m)
    case .workingDays(let n): Double(n)
    case .money(let cents): Double(cents)
    default: nil
    }
  }
}
