import Analysis
import Engine
import Reports
import RuleLanguage

/// A failed rule test for a terminal: each unmet expectation once, as
/// `file:line: test 'name': expected …, got …`, then the rules that decide: the rules behind the
/// actual verdict and the rules whose status differs, each with its explanation and the trace of
/// its condition (or scope, when it was out of scope), every sub-condition at its `file:line`.
enum TestFailureText {
  static func render(_ result: RuleTestResult) -> String {
    let place = "\(result.testCase.span.file.path):\(result.testCase.span.startLocation.line)"
    var out = ""
    for failure in result.failures { out += "\(place): test '\(result.testCase.name)': \(failure)\n" }
    guard let evaluation = result.evaluation else { return out }
    let explanations = Explanations(language: evaluation.initiative.language ?? "nl")
    for finding in decidingFindings(result, evaluation) {
      let rule = finding.rule.rule
      out += "  rule '\(rule.id)' \(finding.status.rawValue) (\(finding.reason.rawValue)), "
      out += "\(rule.idSpan.file.path):\(rule.idSpan.startLocation.line)\n"
      out += "    \(explanations.sentence(for: finding, in: evaluation))\n"
      let (label, trace) = finding.reason == .outOfScope ? ("scope", finding.scopeTrace) : ("condition", finding.conditionTrace)
      if let trace {
        out += "    \(label):\n"
        out += lines(trace, depth: 3)
      }
    }
    return out
  }

  /// The findings a reader needs to see why: the rules that decided the actual verdict (when
  /// the verdict was not the expected one), then each rule whose status differs, each once.
  static func decidingFindings(_ result: RuleTestResult, _ evaluation: Evaluation) -> [Finding] {
    var ids: [String] = []
    if let level = result.testCase.expectation.verdict, level != evaluation.verdict.level {
      ids += evaluation.verdict.decidedBy
    }
    for mismatch in result.mismatches where !ids.contains(mismatch.rule) { ids.append(mismatch.rule) }
    return ids.compactMap { evaluation.finding($0) }
  }

  /// The trace as an indented tree: each sub-condition, its value, the inputs it read and where
  /// it is written.
  static func lines(_ node: TraceNode, depth: Int) -> String {
    let pad = String(repeating: "  ", count: depth)
    let value = node.value.map(\.description) ?? "not evaluated"
    let inputs = node.inputs.map { "\($0.name) = \($0.value.description)" }.joined(separator: ", ")
    var out = "\(pad)\(node.joins.map { "\($0): " } ?? "")\(node.text)  → \(value)"
    out += "\(inputs.isEmpty ? "" : "  [\(inputs)]")  \(node.path):\(node.line)\n"
    for child in node.children { out += lines(child, depth: depth + 1) }
    return out
  }
}
