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

  /// The evaluation, with its room to manoeuvre when `room` is given.
  public func render(_ evaluation: Evaluation, room: RoomAnalysis? = nil) -> String {
    let explanations = Explanations(language: language)
    let words = explanations.words
    let formatter = ValueFormatter(language: language)
    var out: [String] = []
    let initiative = evaluation.initiative
    let rulebookName = evaluation.rulebook.definition.name.text(language)
    var heading = initiative.title.map { "\($0) (\(initiative.id))" } ?? initiative.id
    heading += " — \(rulebookName)"
    if let day = evaluation.asOf { heading += ", \(day)" }
    out.append(paint(heading, "1"))
    out += explanations.notices(evaluation)
    if !evaluation.asksOnlyForSchemes {
      out.append(verdictLine(evaluation.verdict, explanations))
      for assumption in evaluation.assumptions {
        out += wrap("  " + explanations.caveat(assumption, in: evaluation.rulebook), indent: "    ")
      }
    }
    for scheme in evaluation.schemes {
      out.append("\(words.scheme): " + paint(explanations.schemeHeadline(scheme, in: evaluation), "1"))
      for line in explanations.schemeDetails(scheme, in: evaluation) { out += wrap("  " + line, indent: "    ") }
    }
    if !evaluation.verdict.required.isEmpty {
      out.append("\(words.required):")
      for requirement in evaluation.verdict.required {
        var line = "  - \(requirementName(requirement, words))"
        if let authority = requirement.authority {
          line += words.grantedBy(explanations.roomWords.authorityName(authority))
        }
        line += " — \(explanations.citation(requirement.citation, in: evaluation.rulebook))" + (verbose ? " [\(requirement.rule)]" : "")
        out.append(line)
        // The official publication of what is required, where the regulation names it.
        if let citation = requirement.citation, evaluation.rulebook.regulation(citation.regulation)?.official != nil,
          let link = evaluation.rulebook.link(of: citation)
        {
          out.append("    " + link)
        }
      }
    }
    for (title, status) in sections(words) {
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
      for finding in shown { out += findingLines(finding, evaluation, explanations, formatter) }
      if shown.count < inScope.count { out.append("  " + words.more(inScope.count - shown.count)) }
      if inScope.count < findings.count {
        out.append("  " + explanations.scopeOpenSummary(findings.count - inScope.count, shown: !shown.isEmpty))
      }
    }
    if let room { out += roomLines(room, evaluation, explanations) }
    return out.joined(separator: "\n") + "\n"
  }

  /// The "Ruimte / Room to manoeuvre" section: each item with its article and rule.
  func roomLines(_ room: RoomAnalysis, _ evaluation: Evaluation, _ explanations: Explanations) -> [String] {
    let roomExplanations = RoomExplanations(language: language)
    let lines = roomExplanations.lines(room, in: evaluation)
    guard !lines.isEmpty || !room.questions.isEmpty else { return [] }
    var out = ["", paint("\(explanations.words.roomTitle):", "1")]
    for line in lines {
      out += wrap("- \(roomExplanations.label(line.kind)): \(line.text)", indent: "  ").enumerated().map { $0 == 0 ? $1 : "  " + $1 }
      var source = explanations.citation(line.citation, in: evaluation.rulebook)
      if verbose, let rule = line.rule { source += (source.isEmpty ? "" : " ") + "[\(rule)]" }
      if !source.isEmpty { out.append("    " + source) }
    }
    if let first = room.questions.first, let slot = evaluation.rulebook.slotsByName[first] {
      let question = evaluation.rulebook.facts[slot].question.text(language)
      out.append("\(explanations.words.nextQuestion): " + (question.isEmpty ? first : verbose ? "\(question) (\(first))" : question))
    }
    return out
  }

  func sections(_ words: any AnswerWords) -> [(String, FindingStatus)] {
    [("\(words.appliesHeading):", .applies), ("\(words.openHeading):", .undetermined), ("\(words.notApplyingHeading):", .doesNotApply)]
  }

  func verdictLine(_ verdict: Verdict, _ explanations: Explanations) -> String {
    let words = explanations.words
    let colour = !verdict.determined ? "1" : verdict.level <= .notificationRequired ? "1;32" : verdict.level == .permitRequired ? "1;33" : "1;31"
    var line = "\(words.verdict): " + paint(explanations.verdictHeadline(verdict), colour)
    if verbose, verdict.determined, !verdict.decidedBy.isEmpty { line += ", \(words.decidedBy) " + verdict.decidedBy.joined(separator: ", ") }
    return line
  }

  func requirementName(_ requirement: Requirement, _ words: any AnswerWords) -> String {
    let name = requirement.name.text(language)
    if !name.isEmpty { return name }
    switch requirement.kind {
    case .notification: return words.notification
    case .contact: return words.conversation
    case .permit: return words.permit
    case .information: return words.informationDuty
    case .eligible, .eligibleWithConditions, .notEligible: return SchemeDecision.Decision(rawValue: requirement.kind.rawValue)?.label.text(language) ?? ""
    case .allowedWithConditions: return words.conditions
    case .prohibited: return words.prohibited
    case .allowed: return words.allowed
    }
  }

  func findingLines(_ finding: Finding, _ evaluation: Evaluation, _ explanations: Explanations, _ formatter: ValueFormatter) -> [String] {
    let rule = finding.rule.rule
    let location = "\(rule.idSpan.file.path):\(rule.idSpan.startLocation.line)"
    guard verbose else {
      var lines = ["  \(paint(rule.title.text(language), "1")) — \(explanations.citation(rule.citation, in: evaluation.rulebook))"]
      lines.append(contentsOf: wrap(explanations.sentence(for: finding, in: evaluation), indent: "    "))
      return lines
    }
    var lines = ["  \(paint(rule.id, "1"))  \(rule.title.text(language))"]
    lines.append("    \(explanations.citation(rule.citation, in: evaluation.rulebook))  (\(location))")
    lines.append(contentsOf: wrap(explanations.sentence(for: finding, in: evaluation), indent: "    "))
    let trace = TraceText(formatter: formatter)
    if let scope = finding.scopeTrace, verbose || finding.status != .applies {
      lines += trace.lines(scope, indent: "    ", label: "\(explanations.words.scope): ")
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
