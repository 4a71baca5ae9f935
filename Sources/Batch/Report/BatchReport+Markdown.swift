import Engine
import Reports
import Rulebook

extension BatchReport {
  /// The report as Markdown.
  public func markdown() -> String {
    var out: [String] = []
    out.append("# \(en ? "Batch report" : "Batchrapport")")
    out.append("")
    out.append((en ? "Input: " : "Invoer: ") + inputs.map { "`\($0)`" }.joined(separator: ", "))
    out.append("")
    out.append(en
      ? "\(summary.read) records read, \(summary.evaluated) evaluated, \(summary.failed) failed."
      : "\(summary.read) records gelezen, \(summary.evaluated) beoordeeld, \(summary.failed) mislukt.")
    out.append("")
    out.append("## \(en ? "By verdict" : "Per oordeel")")
    out.append("")
    out.append(en ? "| verdict | initiatives | share |" : "| oordeel | initiatieven | aandeel |")
    out.append("| --- | ---: | ---: |")
    for level in VerdictLevel.allCases { out.append("| \(levelName(level)) | \(summary.byLevel[level] ?? 0) | \(percent(summary.byLevel[level] ?? 0)) |") }
    if summary.undetermined > 0 {
      out.append("")
      out.append(en ? "\(summary.undetermined) verdicts are not yet determined: facts are missing." : "\(summary.undetermined) oordelen liggen nog niet vast: er ontbreken feiten.")
    }
    out.append("")
    out.append("## \(en ? "By municipality" : "Per gemeente")")
    out.append("")
    out.append(en ? "| rulebook | initiatives |" : "| regelboek | initiatieven |")
    out.append("| --- | ---: |")
    for (rulebook, count) in top(summary.byRulebook, 50) { out.append("| \(rulebook) | \(count) |") }
    for (title, counts) in [
      (en ? "Rules that decide most verdicts" : "Regels die het vaakst het oordeel bepalen", summary.decidedBy),
      (en ? "Most frequent requirements" : "Wat het vaakst nodig is", summary.required),
    ] where !counts.isEmpty {
      out.append("")
      out.append("## \(title)")
      out.append("")
      for (key, count) in top(counts) { out.append("- \(count)× \(ruleLabel(key))") }
    }
    if !summary.adjustments.isEmpty {
      out.append("")
      out.append("## \(en ? "Adjustments that would help most initiatives" : "Aanpassingen die de meeste initiatieven helpen")")
      out.append("")
      for (key, count) in top(summary.adjustments) {
        out.append("- " + (en ? "\(count) initiatives: " : "\(count) initiatieven: ") + adjustmentLabel(key))
      }
    }
    if !summary.failures.isEmpty {
      out.append("")
      out.append("## \(en ? "Failed records" : "Mislukte records")")
      out.append("")
      out.append(en ? "| record | id | where | problem |" : "| record | id | waar | probleem |")
      out.append("| ---: | --- | --- | --- |")
      for failure in summary.failures {
        guard let error = failure.error else { continue }
        out.append("| \(failure.number) | \(failure.id ?? "") | \(error.path):\(error.line):\(error.column) | \(error.message) [\(error.code)] |")
      }
    }
    out.append("")
    out.append("## \(en ? "Initiatives" : "Initiatieven")")
    out.append("")
    out.append(en ? "| record | id | rulebook | verdict | decided by |" : "| record | id | regelboek | oordeel | bepaald door |")
    out.append("| ---: | --- | --- | --- | --- |")
    for detail in summary.details.prefix(tableRows) where detail.error == nil {
      let verdict = detail.decision.map(verdictText) ?? ""
      let link = detail.number <= explained ? "[\(detail.id ?? String(detail.number))](#record-\(detail.number))" : (detail.id ?? "")
      out.append("| \(detail.number) | \(link) | \(detail.rulebook ?? "") | \(verdict) | \(detail.decidedBy.joined(separator: ", ")) |")
    }
    if summary.details.count > tableRows { out.append("\n" + (en ? "(first \(tableRows) of \(summary.read) records)" : "(eerste \(tableRows) van \(summary.read) records)")) }
    out.append("")
    out.append("## \(en ? "Explanations" : "Toelichtingen")")
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
