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
      switch read(raw, in: rulebook) {
      case .success(let (slot, value)): facts[slot] = value
      case .failure(let problem): diagnostics.append(problem.diagnostic)
      }
    }
    normalise(&facts, rulebook: rulebook)
    if !diagnostics.hasErrors { diagnostics += constraintProblems(facts, initiative: initiative, rulebook: rulebook) }
    return (facts, diagnostics)
  }

  /// The initiative without the facts `rulebook` cannot use (a name it does not ask, a value
  /// it cannot read or outside the fact's range), and a warning naming each one left out: an
  /// interview goes on with what it can use and asks the rest again. A key that cannot be the
  /// name of any fact is an error.
  public static func usable(_ initiative: Initiative, for rulebook: CompiledRulebook) -> (Initiative, [Diagnostic]) {
    var usable = initiative
    var diagnostics: [Diagnostic] = []
    usable.facts = initiative.facts.filter { raw in
      guard isFactName(raw.name) else {
        diagnostics.append(
          .error(
            RulebookDiagnostics.unknownFact, "'\(raw.name)' is not the name of a fact", at: raw.nameSpan,
            help: "a fact's name is at most 64 letters (a–z), digits and underscores, like 'music_end'"))
        return false
      }
      guard case .failure(let problem) = read(raw, in: rulebook) else { return true }
      var warning = problem.diagnostic
      warning.severity = .warning
      diagnostics.append(warning)
      return false
    }
    return (usable, diagnostics)
  }

  /// The shape of every fact's name: an ASCII letter or `_`, then up to 63 letters, digits and `_`.
  public static let factNamePattern = "^[A-Za-z_][A-Za-z0-9_]{0,63}$"

  /// Whether `name` has the shape of `factNamePattern`.
  public static func isFactName(_ name: String) -> Bool {
    let bytes = Array(name.utf8)
    guard let first = bytes.first, bytes.count <= 64, isLetterOrUnderscore(first) else { return false }
    return bytes.allSatisfy { isLetterOrUnderscore($0) || (0x30...0x39).contains($0) }
  }

  private static func isLetterOrUnderscore(_ byte: UInt8) -> Bool {
    (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x5F
  }

  /// Why a written fact cannot be used.
  struct FactProblem: Error {
    var diagnostic: Diagnostic
  }

  /// One written fact as the value of its slot, or why it cannot be read.
  static func read(_ raw: RawFact, in rulebook: CompiledRulebook) -> Result<(Int, Value), FactProblem> {
    guard let slot = rulebook.slotsByName[raw.name] else {
      let help = Suggestions.didYouMean(raw.name, in: rulebook.facts.map(\.name))
        ?? "the rulebook '\(rulebook.id)' asks no such thing; see 'bricoleur schema initiative'"
      return .failure(FactProblem(diagnostic: .error(RulebookDiagnostics.unknownFact, "unknown fact '\(raw.name)'", at: raw.nameSpan, help: help)))
    }
    // The declaration is read field by field: copying it whole retains every text it holds.
    switch parse(raw, as: rulebook.facts[slot].type, cases: rulebook.casesBySlot[slot], labels: rulebook.casesByLabel(slot: slot)) {
    case .success(let value):
      let (name, minimum, maximum) = (rulebook.facts[slot].name, rulebook.facts[slot].minimum, rulebook.facts[slot].maximum)
      if let problem = rangeProblem(value, name: name, minimum: minimum, maximum: maximum) {
        return .failure(FactProblem(diagnostic: .error(RulebookDiagnostics.outOfRange, problem, at: raw.valueSpan ?? raw.nameSpan, help: "check the value")))
      }
      return .success((slot, value))
    case .failure(let problem):
      return .failure(
        FactProblem(
          diagnostic: .error(
            RulebookDiagnostics.badFactValue, "fact '\(raw.name)': \(problem.message)", at: raw.valueSpan ?? raw.nameSpan, help: problem.help)))
    }
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
