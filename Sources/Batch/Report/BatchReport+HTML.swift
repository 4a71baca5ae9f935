import Engine
import Reports
import Rulebook

extension BatchReport {
  /// The report as one self-contained HTML page (no external files), with inline SVG charts.
  public func html() -> String {
    let words = words
    var body = ""
    body += "<h1>\(words.title)</h1>\n"
    body += "<p>\(words.input): " + inputs.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ") + "</p>\n"
    body += "<p class=\"totals\">"
      + words.totals(read: "<strong>\(summary.read)</strong>", evaluated: "<strong>\(summary.evaluated)</strong>", failed: "<strong>\(summary.failed)</strong>")
      + (summary.undetermined > 0 ? words.alsoOpen(summary.undetermined) : "") + ".</p>\n"
    let levels = VerdictLevel.allCases.map { (levelName($0), summary.byLevel[$0] ?? 0, color($0)) }
    body += section(words.byVerdict, barChart(levels))
    body += section(words.byMunicipality, barChart(top(summary.byRulebook, 30).map { ($0.0, $0.1, "#4a6fa5") }))
    if !summary.decidedBy.isEmpty { body += section(words.decidingRules, list(top(summary.decidedBy))) }
    if !summary.required.isEmpty { body += section(words.frequentRequirements, list(top(summary.required))) }
    if !summary.adjustments.isEmpty {
      let rows = top(summary.adjustments).map {
        "<tr><td class=\"n\">\($0.1)</td><td>\(HTML.escape(adjustmentLabel($0.0)))</td></tr>"
      }
      body += section(words.helpfulAdjustments, "<table><tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table>\n")
    }
    if !summary.failures.isEmpty { body += section(words.failedRecords, failureTable()) }
    body += section(words.initiativesTitle, initiativeTable())
    var explanations = ""
    for detail in summary.details.prefix(explained) where detail.error == nil {
      guard let evaluation = evaluation(detail) else { continue }
      let title = evaluation.initiative.title ?? evaluation.initiative.id
      explanations += "<article id=\"record-\(detail.number)\"><h3>\(detail.number). \(HTML.escape(title))</h3>\n"
        + EvaluationHTMLRenderer(language: language).render(evaluation) + "</article>\n"
    }
    if !explanations.isEmpty { body += section(words.explanations, explanations) }
    return """
      <!DOCTYPE html>
      <html lang="\(language)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(words.title) — Bricoleur</title>
      <style>
      body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
      h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 2rem; }
      table { border-collapse: collapse; width: 100%; font-size: .9rem; } th, td { text-align: left; padding: .25rem .5rem; border-bottom: 1px solid #e2e2e2; }
      td.n { text-align: right; font-variant-numeric: tabular-nums; } code { background: #f2f2f2; padding: 0 .2rem; }
      .verdict.prohibited { color: #a4161a; } .verdict.permit_required { color: #8a5a00; } .verdict.notification_required, .verdict.contact_municipality, .verdict.allowed { color: #1d6b35; }
      article { border-left: 3px solid #4a6fa5; padding-left: .8rem; margin: 1rem 0; }
      svg text { font-size: 12px; fill: #1b1b1b; }
      @media print { a { color: inherit; text-decoration: none; } article { break-inside: avoid; } }
      </style>
      </head>
      <body>
      \(body)</body>
      </html>

      """
  }

  func section(_ title: String, _ content: String) -> String {
    "<section><h2>\(HTML.escape(title))</h2>\n\(content)</section>\n"
  }

  func color(_ level: VerdictLevel) -> String {
    switch level {
    case .allowed: "#2e8b57"
    case .allowedWithConditions: "#6aa84f"
    case .notificationRequired: "#3d85c6"
    case .contactMunicipality: "#8e7cc3"
    case .permitRequired: "#e69138"
    case .prohibited: "#cc0000"
    }
  }

  /// A horizontal bar chart as inline SVG, with the numbers written next to the bars.
  func barChart(_ rows: [(String, Int, String)]) -> String {
    let maximum = max(1, rows.map(\.1).max() ?? 1)
    let height = rows.count * 26 + 8
    var svg = "<svg role=\"img\" aria-label=\"chart\" viewBox=\"0 0 720 \(height)\" width=\"100%\" height=\"\(height)\">\n"
    for (index, (label, count, fill)) in rows.enumerated() {
      let y = index * 26 + 4
      let width = Int(Double(count) / Double(maximum) * 380)
      svg += "<text x=\"0\" y=\"\(y + 15)\">\(HTML.escape(label))</text>"
      svg += "<rect x=\"240\" y=\"\(y)\" width=\"\(max(1, width))\" height=\"20\" fill=\"\(fill)\"></rect>"
      svg += "<text x=\"\(248 + width)\" y=\"\(y + 15)\">\(count) (\(percent(count)))</text>\n"
    }
    return svg + "</svg>\n"
  }

  func list(_ rows: [(String, Int)]) -> String {
    "<table><tbody>\n" + rows.map { "<tr><td class=\"n\">\($0.1)×</td><td>\(HTML.escape(ruleLabel($0.0)))</td></tr>" }.joined(separator: "\n")
      + "\n</tbody></table>\n"
  }

  func failureTable() -> String {
    var html = "<table><thead><tr><th>record</th><th>id</th><th>\(words.place)</th><th>\(words.problem)</th></tr></thead><tbody>\n"
    for failure in summary.failures {
      guard let error = failure.error else { continue }
      html += "<tr><td class=\"n\">\(failure.number)</td><td>\(HTML.escape(failure.id ?? ""))</td>"
        + "<td><code>\(HTML.escape("\(error.path):\(error.line):\(error.column)"))</code></td>"
        + "<td>\(HTML.escape(error.message)) <code>\(error.code)</code>\(error.help.map { "<br><small>\(HTML.escape($0))</small>" } ?? "")</td></tr>\n"
    }
    return html + "</tbody></table>\n"
  }

  func initiativeTable() -> String {
    let words = words
    var html = "<table><thead><tr><th>record</th><th>id</th><th>\(words.rulebook)</th><th>\(words.verdict)</th>"
      + "<th>\(words.decidedBy)</th></tr></thead><tbody>\n"
    for detail in summary.details.prefix(tableRows) where detail.error == nil {
      let id = HTML.escape(detail.id ?? String(detail.number))
      let link = detail.number <= explained ? "<a href=\"#record-\(detail.number)\">\(id)</a>" : id
      let verdict = detail.decision.map { decision in
        "<span class=\"verdict \(decision.determined ? decision.level.rawValue : "open")\">\(HTML.escape(verdictText(decision)))</span>"
      } ?? ""
      html += "<tr><td class=\"n\">\(detail.number)</td><td>\(link)</td><td>\(HTML.escape(detail.rulebook ?? ""))</td>"
        + "<td>\(verdict)</td><td>\(HTML.escape(detail.decidedBy.joined(separator: ", ")))</td></tr>\n"
    }
    html += "</tbody></table>\n"
    if summary.details.count > tableRows {
      html += "<p>" + words.firstRecords(tableRows, of: summary.read) + "</p>\n"
    }
    return html
  }
}
