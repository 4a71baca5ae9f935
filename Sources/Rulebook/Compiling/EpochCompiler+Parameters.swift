import Foundation
import RuleLanguage
import SourceDiagnostics

extension EpochCompiler {
  /// Declares each parameter with the value of its version in force in this period.
  ///
  /// A value is read as a value: one that does not check gets one message with advice for
  /// values, and a parameter that replaces one of the rulebook it extends must have that one's
  /// type. A parameter whose value is wrong is declared with the type it should have, so that
  /// the rules and definitions reading it (in this file or in the model's) report nothing more.
  mutating func declareParameters(diagnostics: inout [Diagnostic]) -> [String: Value] {
    var values: [String: Value] = [:]
    for parameter in definition.parameters {
      let declared = declaredType(of: parameter)
      guard let version = parameter.versions.first(where: { $0.validity.overlaps(validity) }) else {
        environment.declareParameter(parameter.name, value: .unknown, type: declared ?? .integer, at: parameter.span)
        continue
      }
      var scratch = environment
      let (checked, problems) = scratch.checkExpression(version.source)
      if let problem = ParameterValueProblem(parameter: parameter, version: version, declared: declared, checked: checked, problems: problems) {
        diagnostics += problem.diagnostics
        failedParameters.append(parameter.name)
        environment.declareParameter(parameter.name, value: .unknown, type: declared ?? checked?.type ?? .integer, at: parameter.span)
        continue
      }
      guard let checked else { continue }
      if !scratch.freeFacts(of: checked).isEmpty {
        diagnostics.append(
          .error(
            RulebookDiagnostics.badValue, "the value of parameter '\(parameter.name)' depends on facts", at: version.span,
            help: "a parameter is a constant; use a definition for a value computed from facts"))
      }
      let value = Compiler.compile(checked, in: scratch).evaluate(FactVector(count: 0))
      environment.declareParameter(parameter.name, value: value, type: checked.type, at: parameter.span)
      values[parameter.name] = value
    }
    return values
  }

  /// The type of the value a parameter replaces, when it replaces one that checks.
  func declaredType(of parameter: ParameterDeclaration) -> ValueType? {
    guard let replaced = parameter.replaced else { return nil }
    var scratch = environment
    return scratch.checkExpression(replaced.version.source).0?.type
  }
}

/// A parameter's value that is not a value of the type it must have, as one message: what was
/// expected, what was written, and an example (the value it replaces, where there is one).
struct ParameterValueProblem {
  var diagnostics: [Diagnostic]

  init?(parameter: ParameterDeclaration, version: ParameterDeclaration.Version, declared: ValueType?, checked: CheckedExpr?, problems: [Diagnostic]) {
    let written = version.source.text.trimmingCharacters(in: .whitespaces)
    if problems.isEmpty, let checked {
      guard let declared, !Self.fits(checked.type, declared) else { return nil }
      diagnostics = [Self.diagnostic(parameter, version, declared: declared, found: "\(Self.kind(of: checked.type)) '\(written)'")]
      return
    }
    // A misspelt name in a formula keeps its own message and suggestion.
    if declared == nil, problems.contains(where: { $0.help?.hasPrefix("did you mean") == true }) {
      diagnostics = problems
      return
    }
    diagnostics = [Self.diagnostic(parameter, version, declared: declared, found: "'\(written)'")]
  }

  /// Whether a value of type `found` may replace one of type `declared`: the same type, a whole
  /// number for a number, and a duration or a number of working days for either (both are
  /// periods, as deadlines are written).
  static func fits(_ found: ValueType, _ declared: ValueType) -> Bool {
    let periods: [ValueType] = [.duration, .workingDays]
    if periods.contains(found) && periods.contains(declared) { return true }
    return ValueType.common(found, declared) == declared
  }

  static func diagnostic(_ parameter: ParameterDeclaration, _ version: ParameterDeclaration.Version, declared: ValueType?, found: String) -> Diagnostic {
    let name = parameter.name
    if found == "'\(name)'" {
      return .error(
        RulebookDiagnostics.parameterValue, "the value of parameter '\(name)' is the parameter itself", at: version.span,
        help: "write a value, like 200, 23:00, 10 m2, EUR 750, 8 weeks or ja")
    }
    guard let declared else {
      return .error(
        RulebookDiagnostics.parameterValue, "the value of parameter '\(name)' must be a value, found \(found)", at: version.span,
        help: "write a value, like 200, 23:00, 10 m2, EUR 750, 8 weeks or ja")
    }
    let example = parameter.replaced.map { $0.version.source.text.trimmingCharacters(in: .whitespaces) } ?? ""
    var notes: [DiagnosticNote] = []
    if let replaced = parameter.replaced {
      notes.append(DiagnosticNote("'\(name)' is \(kind(of: declared)) in '\(replaced.rulebook)'", at: replaced.version.span))
    }
    return .error(
      RulebookDiagnostics.parameterValue, "parameter '\(name)' must be \(kind(of: declared)), found \(found)", at: version.span,
      notes: notes, help: "write \(kind(of: declared)), like \(example)")
  }

  /// The kind of value a type holds, in words: `a number`, `a time`, `a size in m2`.
  static func kind(of type: ValueType) -> String {
    switch type {
    case .bool: "ja or nee"
    case .integer: "a whole number"
    case .decimal: "a number"
    case .text: "a text"
    case .enumeration(let name): "a value of '\(name)'"
    case .date: "a date"
    case .time: "a time"
    case .duration: "a duration"
    case .workingDays: "a number of working days"
    case .money: "an amount"
    case .quantity(let unit): "a size in \(unit.symbol)"
    case .list(let element): "a list of \(kind(of: element).replacingOccurrences(of: "a ", with: ""))"
    }
  }
}
