import SourceDiagnostics

/// One table cell as a condition on its column: a fact's value, or another decision's output.
/// A cell that can never match (an option the question does not have, a test the importer
/// cannot read) is `never`, and reported.
struct CellTranslator {
  let facts: [String: ImportedFact]
  let fixed: [String: STTRValue]
  let outputs: [String: [STTRValue: String]]
  let permit: STTRPermit
  var diagnostics: [Diagnostic] = []

  mutating func condition(_ cell: STTRCell, on input: STTRInput, row: STTRRow) -> Condition {
    // `not(null)` matches any answer: for complete answers that is `-` (see sttr-import.md).
    if cell == .any || cell == .answered { return .always }
    switch input {
    case .question(let id):
      if let value = fixed[id] { return Self.holds(cell, for: value) ? .always : .never }
      guard let fact = facts[id] else {
        let known = permit.questions.contains { $0.id == id }
        if !known { report(ImportDiagnostics.unknownReference, "question '\(id)' is read but not defined", row) }
        return .never
      }
      return condition(cell, on: fact, row: row)
    case .decision(let id):
      guard case .equals(let value) = cell else {
        report(ImportDiagnostics.unsupportedDecision, "cannot compare a decision's output with '\(Self.text(cell))'", row)
        return .never
      }
      guard let name = outputs[id]?[value] else {
        report(ImportDiagnostics.neverMatches, "the decision read here never gives \(value), so the row never matches", row, warning: true)
        return .never
      }
      return .atom(name)
    }
  }

  mutating func condition(_ cell: STTRCell, on fact: ImportedFact, row: STTRRow) -> Condition {
    switch (cell, fact.type) {
    case (.equals(.bool(let flag)), "bool"):
      return .atom(flag ? fact.name : "not \(fact.name)")
    case (.equals(.text(let text)), "enum"):
      guard let match = fact.cases.first(where: { $0.label == text }) else {
        report(ImportDiagnostics.neverMatches, "'\(text)' is not an option of '\(fact.question.text)', so the row never matches", row, warning: true)
        return .never
      }
      return .atom("\(fact.name) == \(match.name)")
    case (.equals(.text(let text)), "text"):
      return .atom("\(fact.name) == \(YAMLText.expressionString(text))")
    case (.equals(.number(let number)), "decimal"):
      return .atom("\(fact.name) == \(number)")
    case (.compare(let op, let number), "decimal"):
      return .atom("\(fact.name) \(op == "=" ? "==" : op) \(number)")
    case (.range(let low, let includesLow, let high, let includesHigh), "decimal"):
      return .all([.atom("\(fact.name) \(includesLow ? ">=" : ">") \(low)"), .atom("\(fact.name) \(includesHigh ? "<=" : "<") \(high)")])
    case (.oneOf(let values), _):
      return .any(values.map { condition(.equals($0), on: fact, row: row) })
    default:
      report(ImportDiagnostics.neverMatches,
        "'\(Self.text(cell))' cannot match an answer to '\(fact.question.text)' (\(fact.type)), so the row never matches", row, warning: true)
      return .never
    }
  }

  /// Whether a cell matches a fixed value.
  static func holds(_ cell: STTRCell, for value: STTRValue) -> Bool {
    switch (cell, value) {
    case (.any, _), (.answered, _): return true
    case (.oneOf(let values), _): return values.contains(value)
    case (.equals(let expected), _): return expected == value
    case (.compare(let op, let number), .number(let given)):
      guard let a = Double(given), let b = Double(number) else { return false }
      switch op {
      case "<": return a < b
      case "<=": return a <= b
      case ">": return a > b
      case ">=": return a >= b
      case "!=": return a != b
      default: return a == b
      }
    default: return false
    }
  }

  mutating func report(_ code: String, _ message: String, _ row: STTRRow, warning: Bool = false) {
    let text = "\(message) (at '\(row.path)')"
    diagnostics.append(warning ? .warning(code, text, at: row.span) : .error(code, text, at: row.span))
  }

  static func text(_ cell: STTRCell) -> String {
    switch cell {
    case .any: "-"
    case .equals(let value): value.description
    case .compare(let op, let number): "\(op) \(number)"
    case .range(let low, let includesLow, let high, let includesHigh): "\(includesLow ? "[" : "(")\(low)..\(high)\(includesHigh ? "]" : ")")"
    case .oneOf(let values): values.map(\.description).joined(separator: ",")
    case .answered: "not(null)"
    case .unsupported(let text): text
    }
  }
}
