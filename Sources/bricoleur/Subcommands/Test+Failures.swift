import Analysis
import Engine
import Reports
import RuleLanguage

/// A failed rule test for a terminal: what was expected and what came out, then for each rule
/// whose status differs its actual explanation and the trace of its scope or condition.
enum TestFailureText {
  static func render(_ result: RuleTestResult) -> String {
    let place = "\(result.testCase.span.file.path):\(result.testCase.span.startLocation.line)"
    var out = "FAIL  \(result.rulebook): \(result.testCase.name)  (\(place))\n"
    for failure in result.failures { out += "      \(failure)\n" }
    guard let evaluation = result.evaluation else { return out }
    let verdict = evaluation.verdict
    let expected = result.testCase.expectation.verdict?.rawValue ?? "(not given)"
    out += "      verdict expected \(expected), actual \(verdict.level.rawValue)\(verdict.determined ? "" : " (undetermined)")\n"
    let explanations = Explanations(language: evaluation.initiative.language ?? "nl")
    for mismatch in result.mismatches {
      let finding = mismatch.actual
      out += "      rule '\(mismatch.rule)' expected \(mismatch.expected.rawValue), actual \(finding.status.rawValue) (\(finding.reason.rawValue))\n"
      out += "        explanation: \(explanations.sentence(for: finding, in: evaluation))\n"
      let (label, trace) = finding.reason == .outOfScope ? ("scope", finding.scopeTrace) : ("condition", finding.conditionTrace)
      if let trace {
        out += "        \(label):\n"
        out += lines(trace, depth: 5)
      }
    }
    return out
  }

  /// The trace as an indented tree: each sub-condition, its value and the inputs it read.
  static func lines(_ node: TraceNode, depth: Int) -> String {
    let pad = String(repeating: "  ", count: depth)
    let value = node.value.map(\.description) ?? "not evaluated"
    let inputs = node.inputs.map { "\($0.name) = \($0.value.description)" }.joined(separator: ", ")
    var out = "\(pad)\(node.joins.map { "\($0): " } ?? "")\(node.text)  → \(value)\(inputs.isEmpty ? "" : "  [\(inputs)]")  (line \(node.line))\n"
    for child in node.children { out += lines(child, depth: depth + 1) }
    return out
  }
}
