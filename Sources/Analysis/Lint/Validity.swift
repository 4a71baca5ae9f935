import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Versions of an article (rules with the same citation and outcome, at least one of them
/// with a period of validity) and versions of a parameter that overlap or leave days between them.
enum ValidityCheck {
  static func check(_ definition: RulebookDefinition) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var groups: [String: [Rule]] = [:]
    var order: [String] = []
    for rule in definition.rules {
      guard let citation = rule.citation else { continue }
      let key = "\(citation.regulation) \(citation.articleText) \(rule.outcome.kind.rawValue)"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(rule)
    }
    for key in order {
      let rules = groups[key] ?? []
      guard rules.count > 1, rules.contains(where: { $0.validity != .always }) else { continue }
      let article = rules[0].citation.map { "\($0.regulation) \($0.articleText)" } ?? ""
      diagnostics += periods(
        rules.map { ($0.validity, $0.idSpan, "rule '\($0.id)'") }, what: "versions of \(article)")
    }
    for parameter in definition.parameters where parameter.versions.count > 1 {
      diagnostics += periods(
        parameter.versions.map { ($0.validity, $0.span, "a version of parameter '\(parameter.name)'") },
        what: "versions of parameter '\(parameter.name)'")
    }
    return diagnostics
  }

  /// Overlaps between any two periods, and holes between consecutive ones.
  static func periods(_ entries: [(Validity, SourceSpan, String)], what: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (i, a) in entries.enumerated() {
      for b in entries[(i + 1)...] where a.0.overlaps(b.0) {
        diagnostics.append(
          .error(
            AnalysisDiagnostics.validityOverlap, "\(b.2) is in force \(describe(b.0)), overlapping \(a.2) (\(describe(a.0)))",
            at: b.1, notes: [DiagnosticNote("the other version is here", at: a.1)],
            help: "end the earlier version the day before the later one starts ('valid_until')"))
      }
    }
    let sorted = entries.sorted { ($0.0.from?.daysSinceEpoch ?? .min) < ($1.0.from?.daysSinceEpoch ?? .min) }
    for (a, b) in zip(sorted, sorted.dropFirst()) {
      guard let until = a.0.until, let from = b.0.from, until.advanced(by: 1) < from else { continue }
      diagnostics.append(
        .warning(
          AnalysisDiagnostics.validityGap,
          "no \(what.hasPrefix("versions of parameter") ? "value" : "version") is in force from \(until.advanced(by: 1)) to \(from.advanced(by: -1)) between \(a.2) and \(b.2)",
          at: b.1, notes: [DiagnosticNote("the earlier version is here", at: a.1)],
          help: "let the later version start the day after the earlier one ends"))
    }
    return diagnostics
  }

  static func describe(_ validity: Validity) -> String {
    switch (validity.from, validity.until) {
    case (nil, nil): "always"
    case (let from?, nil): "from \(from)"
    case (nil, let until?): "until \(until)"
    case (let from?, let until?): "from \(from) until \(until)"
    }
  }
}
