import Engine
import Room
import Rulebook
import RuleLanguage

/// An evaluation in Markdown that an advisor can paste into a reply to a resident.
public struct EvaluationMarkdownRenderer: Sendable {
  public var language: String

  public init(language: String) {
    self.language = language
  }

  /// The evaluation, with its room to manoeuvre when `room` is given.
  public func render(_ evaluation: Evaluation, room: RoomAnalysis? = nil) -> String {
    let explanations = Explanations(language: language)
    let words = explanations.words
    let initiative = evaluation.initiative
    var out: [String] = []
    out.append("## \(initiative.title ?? initiative.id)")
    out.append("")
    var facts = ["**\(words.rulebook)**: \(evaluation.rulebook.definition.name.text(language))"]
    if let day = evaluation.asOf { facts.append("**\(words.date)**: \(day)") }
    out.append(facts.joined(separator: " · "))
    out.append("")
    for notice in explanations.notices(evaluation) {
      out.append("> \(notice)")
      out.append("")
    }
    if !evaluation.asksOnlyForSchemes {
      out.append("**\(words.verdict)**: \(explanations.verdictHeadline(evaluation.verdict))")
      for assumption in evaluation.assumptions {
        out.append("")
        out.append("- " + explanations.caveat(assumption, in: evaluation.rulebook))
      }
    }
    for scheme in evaluation.schemes {
      if !out.last!.isEmpty { out.append("") }
      out.append("**\(words.scheme)**: \(explanations.schemeHeadline(scheme, in: evaluation))")
      out.append("")
      for line in explanations.schemeDetails(scheme, in: evaluation) { out.append("- " + line) }
    }
    if !evaluation.verdict.required.isEmpty {
      out.append("")
      out.append("### \(words.whatIsNeeded)")
      out.append("")
      for requirement in evaluation.verdict.required {
        let name = requirement.name.isEmpty ? requirement.kind.rawValue : requirement.name.text(language)
        let authority = requirement.authority.map { words.grantedBy(explanations.roomWords.authorityName($0)) } ?? ""
        out.append("- \(name)\(authority) — \(link(requirement.citation, evaluation, explanations))")
      }
    }
    for (title, status) in [(words.why, FindingStatus.applies), (words.stillOpen, .undetermined)] {
      let findings = evaluation.findings.filter { $0.status == status }
      guard !findings.isEmpty else { continue }
      out.append("")
      out.append("### \(title)")
      out.append("")
      // Rules not yet known to be about the initiative are counted, not listed.
      let listed = findings.filter { !$0.scopeOpen }
      for finding in listed {
        out.append("- **\(finding.rule.rule.title.text(language))** (\(link(finding.rule.rule.citation, evaluation, explanations))): "
          + explanations.sentence(for: finding, in: evaluation))
      }
      if listed.count < findings.count { out.append("- " + explanations.scopeOpenSummary(findings.count - listed.count, shown: !listed.isEmpty, hint: false) + ".") }
    }
    if let room { out += roomLines(room, evaluation, explanations) }
    return out.joined(separator: "\n") + "\n"
  }

  /// The "Ruimte / Room to manoeuvre" section.
  func roomLines(_ room: RoomAnalysis, _ evaluation: Evaluation, _ explanations: Explanations) -> [String] {
    let roomExplanations = RoomExplanations(language: language)
    let lines = roomExplanations.lines(room, in: evaluation)
    guard !lines.isEmpty || !room.questions.isEmpty else { return [] }
    var out = ["", "### \(explanations.words.roomTitle)", ""]
    for line in lines {
      let source = line.citation == nil ? "" : " — " + link(line.citation, evaluation, explanations)
      out.append("- **\(roomExplanations.label(line.kind))**: \(line.text)\(source)")
    }
    if !room.questions.isEmpty {
      out.append("")
      // The questions as the resident reads them, not the facts' names.
      let questions = room.questions.map { name in
        evaluation.rulebook.slotsByName[name].map { evaluation.rulebook.facts[$0].question.text(language).trimmingSpacesAndNewlines } ?? name
      }
      out.append("**\(explanations.words.stillToAsk)**:")
      out.append("")
      out += questions.map { "- \($0.isEmpty ? "?" : $0)" }
    }
    return out
  }

  /// The citation, linked to its source when a link is known.
  func link(_ citation: Citation?, _ evaluation: Evaluation, _ explanations: Explanations) -> String {
    let text = explanations.citation(citation, in: evaluation.rulebook)
    guard let citation else { return text }
    guard let url = evaluation.rulebook.link(of: citation) else { return text }
    return "[\(text)](\(url))"
  }
}
