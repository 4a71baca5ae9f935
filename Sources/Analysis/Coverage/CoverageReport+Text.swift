extension CoverageReport {
  /// Plain text for people: the figures, then every gap at its position.
  public var text: String {
    let f = figures
    var out = "coverage \(rulebook)"
    out += extends.map { " (extends \($0): its own rules, and inherited ones only where it sets a parameter or rewrites a definition)" } ?? ""
    out += ", \(tests) test\(tests == 1 ? "" : "s")\n"
    out += "  rules       \(f.rulesCovered)/\(f.rules) seen applying and not applying (\(f.ruleSidesCovered)/\(2 * f.rules) sides)\n"
    out += "  thresholds  \(f.thresholdsCovered)/\(f.thresholds) tested on both sides (\(f.thresholdSidesCovered)/\(2 * f.thresholds) sides)\n"
    out += "  exceptions  \(f.exceptionsExercised)/\(f.exceptions) exercised\n"
    for rule in rules where !rule.covered {
      let missing = [rule.seenApplying ? nil : "applying", rule.seenNotApplying ? nil : "not applying"].compactMap { $0 }
      out += "  \(rule.position): rule '\(rule.rule)' never seen \(missing.joined(separator: " or "))\(rule.originNote)\n"
    }
    for threshold in thresholds where !threshold.covered {
      let missing = [threshold.seenTrue ? nil : threshold.comparison, threshold.seenFalse ? nil : threshold.negation].compactMap { $0 }
      out += "  \(threshold.position): threshold '\(threshold.text)' in rule '\(threshold.rule)': no test with \(missing.joined(separator: " nor "))"
      out += (threshold.exact ? "" : " (approximate: not the fact itself)") + "\n"
    }
    for exception in exceptions where !exception.exercised {
      out += "  \(exception.position): exception '\(exception.rule)' over '\(exception.overrides)' never exercised\n"
    }
    return out
  }
}

extension RuleCoverage {
  var originNote: String { origin == .own ? "" : " (inherited from \(definedIn), reads a value set here)" }
}

extension ThresholdCoverage {
  /// The false side of the comparison, `visitors > 200` for `visitors <= 200`.
  public var negation: String {
    if let range = comparison.range(of: " not in ") { return comparison.replacingCharacters(in: range, with: " in ") }
    if let range = comparison.range(of: " in ") { return comparison.replacingCharacters(in: range, with: " not in ") }
    let pairs = [("<=", ">"), (">=", "<"), ("==", "!="), ("!=", "=="), ("<", ">="), (">", "<=")]
    for (op, opposite) in pairs {
      if let range = comparison.range(of: " \(op) ") { return comparison.replacingCharacters(in: range, with: " \(opposite) ") }
    }
    return "not (\(comparison))"
  }
}
