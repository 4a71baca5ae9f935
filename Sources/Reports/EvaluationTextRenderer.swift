import Engine
import Room
import Rulebook
import RuleLanguage

/// An evaluation for the terminal: the verdict first, then what is required, then the findings
/// that matter with their citations and reasons; the rest with `verbose`.
public struct EvaluationTextRenderer: Sendable {
  public var language: String
  public var verbose: Bool
  public var color: Bool

  public init(language: String, verbose: Bool = false, color: Bool = false) {
    self.language = language
    self.verbose = verbose
    self.color = color
  }

  var en: Bool { language == "en" }

  /// The evaluation, with its room to manoeuvre when `room` is given.
  public func render(_ evaluation: Evaluation, room: RoomAnalysis? = nil) -> String {
    let words = Explanations(language: language)
    let formatter = ValueFormatter(language: language)
    var out: [String] = []
    let initiative = evaluation.initiative
    let rulebookName = evaluation.rulebook.definition.name.text(language)
    var heading = initiative.title.map { "\($0) (\(initiative.id))" } ?? initiative.id
    heading += " — \(rulebookName)"
    if let day = evaluation.asOf { heading += ", \(day)" }
    out.append(paint(heading, "1"))
    out += words.notices(evaluation)
    if !evaluation.asksOnlyForSchemes {
      out.append(verdictLine(evaluation.verdict, words))
      for assumption in evaluation.assumptions {
        out += wrap("  " + words.caveat(assumption, in: evaluation.rulebook), indent: "    ")
      }
    }
    for scheme in evaluation.schemes {
      out.append((en ? "Scheme: " : "Regeling: ") + paint(words.schemeHeadline(scheme, in: evaluation), "1"))
      for line in words.schemeDetails(scheme, in: evaluation) { out += wrap("  " + line, indent: "    ") }
    }
    if !evaluation.verdict.required.isEmpty {
      out.append(en ? "Required:" : "Nodig:")
      for requirement in evaluation.verdict.required {
        var line = "  - \(requirementName(requirement))"
        if let authority = requirement.authority {
          let name = RoomExplanations(language: language).authorityName(authority)
          line += en ? " — \(name)" : " (\(name))"
        }
        line += " — \(words.citation(requirement.citation, in: evaluation.rulebook))" + (verbose ? " [\(requirement.rule)]" : "")
        out.append(line)
        // The official publication of what is required, where the regulation names it.
        if let citation = requirement.citation, evaluation.rulebook.regulation(citation.regulation)?.official != nil,
          let link = evaluation.rulebook.link(of: citation)
        {
          out.append("    " + link)
        }
      }
    }
    for (title, status) in sections {
      let findings = evaluation.findings.filter { $0.status == status }
      guard !findings.isEmpty else { continue }
      // Quiet by default: the rules that do not apply, and the condition trees, with --verbose.
      if status == .doesNotApply && !verbose { continue }
      out.append("")
      out.append(paint(title, "1"))
      // Quiet by default: the first few open rules that are about the initiative; the questions
      // below say what settles them. Rules not yet known to be about it are counted.
      let inScope = status == .undetermined && !verbose ? findings.filter { !$0.scopeOpen } : findings
      let shown = status == .undetermined && !verbose ? Array(inScope.prefix(3)) : findings
      for finding in shown { out += findingLines(finding, evaluation, words, formatter) }
      if shown.count < inScope.count {
        let more = inScope.count - shown.count
        out.append(en ? "  … and \(more) more (--verbose lists them)" : "  … en nog \(more) (--verbose toont ze)")
      }
      if inScope.count < findings.count {
        out.append("  " + words.scopeOpenSummary(findings.count - inScope.count, shown: !shown.isEmpty))
      }
    }
    if let room { out += roomLines(room, evaluation, words) }
    return out.joined(separator: "\n") + "\n"
  }

  /// The "Ruimte / Room to manoeuvre" section: each item with its article and rule.
  func roomLines(_ room: RoomAnalysis, _ evaluation: Evaluation, _ words: Explanations) -> [String] {
    let explanations = RoomExplanations(language: language)
    let lines = explanations.lines(room, in: evaluation)
    guard !lines.isEmpty || !room.questions.isEmpty else { return [] }
    var out = ["", paint(en ? "Room to manoeuvre:" : "Ruimte:", "1")]
    for line in lines {
      out += wrap("- \(explanations.label(line.kind)): \(line.text)", indent: "  ").enumerated().map { $0 == 0 ? $1 : "  " + $1 }
      var source = words.citation(line.citation, in: evaluation.rulebook)
      if verbose, let rule = line.rule { source += (source.isEmpty ? "" : " ") + "[\(rule)]" }
      if !source.isEmpty { out.append("    " + source) }
    }
    if let first = room.questions.first, let slot = evaluation.rulebook.slotsByName[first] {
      let question = evaluation.rulebook.facts[slot].question.text(language)
      out.append((en ? "Next question: " : "Volgende vraag: ") + (question.isEmpty ? first : verbose ? "\(question) (\(first))" : question))
    }
    return out
  }

  var sections: [(String, FindingStatus)] {
    en
      ? [("Applies:", .applies), ("Not yet determined:", .undetermined), ("Does not apply:", .doesNotApply)]
      : [("Van toepassing:", .applies), ("Nog niet te bepalen:", .undetermined), ("Niet van toepassing:", .doesNotApply)]
  }

  func verdictLine(_ verdict: Verdict, _ words: Explanations) -> String {
    let colour = !verdict.determined ? "1" : verdict.level <= .notificationRequired ? "1;32" : verdict.level == .permitRequired ? "1;33" : "1;31"
    var line = (en ? "Verdict: " : "Oordeel: ") + paint(words.verdictHeadline(verdict), colour)
    if verbose, verdict.determined, !verdict.decidedBy.isEmpty { line += (en ? ", decided by " : ", bepaald door ") + verdict.decidedBy.joined(separator: ", ") }
    return line
  }

  func requirementName(_ requirement: Requirement) -> String {
    let name = requirement.name.text(language)
    if !name.isEmpty { return name }
    switch requirement.kind {
    case .notification: return en ? "notification" : "melding"
    case .contact: return en ? "a conversation with the municipality" : "een gesprek met de gemeente"
    case .permit: return en ? "permit" : "vergunning"
    case .information: return en ? "information duty" : "informatieplicht"
    case .eligible, .eligibleWithConditions, .notEligible: return SchemeDecision.Decision(rawValue: requirement.kind.rawValue)?.label.text(language) ?? ""
    case .allowedWithConditions: return en ? "conditions" : "voorwaarden"
    case .prohibited: return en ? "prohibited" : "verboden"
    case .allowed: return en ? "allowed" : "toegestaan"
    }
  }

  func findingLines(_ finding: Finding, _ evaluation: Evaluation, _ words: Explanations, _ formatter: ValueFormatter) -> [String] {
    let rule = finding.rule.rule
    let location = "\(rule.idSpan.file.path):\(rule.idSpan.startLocation.line)"
    guard verbose else {
      var lines = ["  \(paint(rule.title.text(language), "1")) — \(words.citation(rule.citation, in: evaluation.rulebook))"]
      lines.append(contentsOf: wrap(words.sentence(for: finding, in: evaluation), indent: "    "))
      return lines
    }
    var lines = ["  \(paint(rule.id, "1"))  \(rule.title.text(language))"]
    lines.append("    \(words.citation(rule.citation, in: evaluation.rulebook))  (\(location))")
    lines.append(contentsOf: wrap(words.sentence(for: finding, in: evaluation), indent: "    "))
    let trace = TraceText(formatter: formatter)
    if let scope = finding.scopeTrace, verbose || finding.status != .applies {
      lines += trace.lines(scope, indent: "    ", label: en ? "scope: " : "reikwijdte: ")
    }
    if let condition = finding.conditionTrace {
      lines += trace.lines(condition, indent: "    ")
    }
    return lines
  }

  func wrap(_ text: String, indent: String, width: Int = 96) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ", omittingEmptySubsequences: true) {
      if !current.isEmpty && current.count + word.count + 1 > width - indent.count {
        lines.append(indent + current)
        current = ""
      }
      current += (current.isEmpty ? "" : " ") + word
    }
    if !current.isEmpty { lines.append(indent + current) }
    return lines
  }

  func paint(_ text: String, _ ansi: String) -> String {
    color ? "\u{1B}[\(ansi)m\(text)\u{1B}[0m" : text
  }
}
