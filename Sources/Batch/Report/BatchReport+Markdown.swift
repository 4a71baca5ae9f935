import Engine
import Reports
import Rulebook

extension BatchReport {
  /// The report as Markdown.
  public func markdown() -> String {
    let words = words
    var out: [String] = []
    out.append("# \(words.title)")
    out.append("")
    out.append("\(words.input): " + inputs.map { "`\($0)`" }.joined(separator: ", "))
    out.append("")
    out.append(words.totals(read: "\(summary.read)", evaluated: "\(summary.evaluated)", failed: "\(summary.failed)") + ".")
    out.append("")
    out.append("## \(words.byVerdict)")
    out.append("")
    out.append("| \(words.verdict) | \(words.initiativeCount) | \(words.share) |")
    out.append("| --- | ---: | ---: |")
    for level in VerdictLevel.allCases { out.append("| \(levelName(level)) | \(summary.byLevel[level] ?? 0) | \(percent(summary.byLevel[level] ?? 0)) |") }
    if summary.undetermined > 0 {
      out.append("")
      out.append(words.open(summary.undetermined))
    }
    out.append("")
    out.append("## \(words.byMunicipality)")
    out.append("")
    out.append("| \(words.rulebook) | \(words.initiativeCount) |")
    out.append("| --- | ---: |")
    for (rulebook, count) in top(summary.byRulebook, 50) { out.append("| \(rulebook) | \(count) |") }
    for (title, counts) in [
      (words.decidingRules, summary.decidedBy),
      (words.frequentRequirements, summary.required),
    ] where !counts.isEmpty {
      out.append("")
      out.append("## \(title)")
      out.append("")
      for (key, count) in top(counts) { out.append("- \(count)× \(ruleLabel(key))") }
    }
    if !summary.adjustments.isEmpty {
      out.append("")
      out.append("## \(words.helpfulAdjustments)")
      out.append("")
      for (key, count) in top(summary.adjustments) {
        out.append("- \(words.initiatives(count)): " + adjustmentLabel(key))
      }
    }
    if !summary.failures.isEmpty {
      out.append("")
      out.append("## \(words.failedRecords)")
      out.append("")
      out.append("| record | id | \(words.place) | \(words.problem) |")
      out.append("| ---: | --- | --- | --- |")
      for failure in summary.failures {
        guard let error = failure.error else { continue }
        out.append("| \(failure.number) | \(failure.id ?? "") | \(error.path):\(error.line):\(error.column) | \(error.message) [\(error.code)] |")
      }
    }
    out.append("")
    out.append("## \(words.initiativesTitle)")
    out.append("")
    out.append("| record | id | \(words.rulebook) | \(words.verdict) | \(words.decidedBy) |")
    out.append("| ---: | --- | --- | --- | --- |")
    for detail in summary.details.prefix(tableRows) where detail.error == nil {
      let verdict = detail.decision.map(verdictText) ?? ""
      let link = detail.number <= explained ? "[\(detail.id ?? String(detail.number))](#record-\(detail.number))" : (detail.id ?? "")
      out.append("| \(detail.number) | \(link) | \(detail.rulebook ?? "") | \(verdict) | \(detail.decidedBy.joined(separator: ", ")) |")
    }
    if summary.details.count > tableRows { out.append("\n" + words.firstRecords(tableRows, of: summary.read)) }
    out.append("")
    out.append("## \(words.explanations)")
    for detail in summary.details.prefix(explained) where detail.error == nil {
      guard let evaluation = evaluation(detail) else { continue }
      out.append("")
      out.append("<a id=\"record-\(detail.number)\"></a>")
      out.append(EvaluationMarkdownRenderer(language: language).render(evaluation).replacingOccurrences(of: "\n## ", with: "\n### ").replacingFirstHeading)
    }
    return out.joined(separator: "\n") + "\n"
  }
}

extension String {
  /// `## Title` at the start becomes `### Title`, to nest under the report's sections.
  var replacingFirstHeading: String {
    hasPrefix("## ") ? "#" + self : self
  }

  func replacingOccurrences(of target: String, with replacement: String) -> String {
    components(separatedBy: target).joined(separator: replacement)
  }
}
