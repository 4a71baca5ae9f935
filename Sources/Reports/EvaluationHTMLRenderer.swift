import Engine
import Rulebook
import RuleLanguage

/// An evaluation as an HTML fragment (for reports): verdict, what is needed, and the reasons
/// with their citations.
public struct EvaluationHTMLRenderer: Sendable {
  public var language: String

  public init(language: String) {
    self.language = language
  }

  public func render(_ evaluation: Evaluation) -> String {
    let explanations = Explanations(language: language)
    let words = explanations.words
    var verdict = explanations.level(evaluation.verdict.level)
    if !evaluation.verdict.determined {
      verdict += words.canStillBecome(evaluation.verdict.possibleLevels.map(explanations.level).joined(separator: " \(words.or) "))
    }
    var html = explanations.fallbackNotice(evaluation).map { "<p class=\"fallback\">\(HTML.escape($0))</p>\n" } ?? ""
    html += explanations.sourceNotice(evaluation).map { "<p class=\"notice\">\(HTML.escape($0))</p>\n" } ?? ""
    html += "<p class=\"verdict \(evaluation.verdict.level.rawValue)\"><strong>\(words.verdict):</strong> \(HTML.escape(verdict))</p>\n"
    if !evaluation.verdict.required.isEmpty {
      html += "<p><strong>\(words.needed):</strong></p><ul>\n"
      for requirement in evaluation.verdict.required {
        let name = requirement.name.isEmpty ? requirement.kind.rawValue : requirement.name.text(language)
        html += "<li>\(HTML.escape(name)) — \(citation(requirement.citation, evaluation, explanations))</li>\n"
      }
      html += "</ul>\n"
    }
    let shown = evaluation.findings.filter { $0.status != .doesNotApply }
    if !shown.isEmpty {
      html += "<ul class=\"findings\">\n"
      for finding in shown {
        let status = finding.status == .applies ? words.appliesStatus : words.openStatus
        html += "<li><strong>\(HTML.escape(finding.rule.rule.title.text(language)))</strong> (\(status); "
          + "\(citation(finding.rule.rule.citation, evaluation, explanations))): \(HTML.escape(explanations.sentence(for: finding, in: evaluation)))</li>\n"
      }
      html += "</ul>\n"
    }
    return html
  }

  func citation(_ citation: Citation?, _ evaluation: Evaluation, _ explanations: Explanations) -> String {
    let text = HTML.escape(explanations.citation(citation, in: evaluation.rulebook))
    guard let citation, let url = evaluation.rulebook.link(of: citation) else { return text }
    return "<a href=\"\(HTML.escape(url))\">\(text)</a>"
  }
}

/// HTML escaping.
public enum HTML {
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(character)
      }
    }
    return out
  }
}
