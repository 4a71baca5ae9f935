import Engine
import Rulebook
import RuleLanguage

/// The words for a scheme's decision (a grant, a Right to Challenge): the headline with the
/// amounts, the reasons by name, and the smaller amount that fits.
extension Explanations {
  /// "Activiteitensubsidie: niet toe te kennen — u vraagt € 900,00, het maximum is € 750,00".
  public func schemeHeadline(_ scheme: SchemeDecision, in evaluation: Evaluation) -> String {
    var line = "\(schemeTitle(scheme)): \(scheme.decision.label.text(language))"
    var amounts: [String] = []
    if let asked = scheme.asked { amounts.append(words.asked(formatter.format(asked))) }
    if let maximum = scheme.maximum { amounts.append(words.maximum(formatter.format(maximum))) }
    if !amounts.isEmpty { line += " — " + amounts.joined(separator: ", ") }
    return line
  }

  /// The reasons by their names ("bedrag boven het maximum"), the conditions, and the smaller
  /// amount that fits, each as one sentence.
  public func schemeDetails(_ scheme: SchemeDecision, in evaluation: Evaluation) -> [String] {
    var lines: [String] = []
    let rules = Dictionary(evaluation.findings.map { ($0.rule.rule.id, $0.rule.rule) }, uniquingKeysWith: { first, _ in first })
    let reasons = scheme.reasons.compactMap { rules[$0] }
    if scheme.decision == .notEligible {
      for rule in reasons {
        let name = rule.outcome.name.text(language)
        lines.append(words.reason(name.isEmpty ? rule.title.text(language) : name, citation: citation(rule.citation, in: evaluation.rulebook)))
      }
    }
    for condition in scheme.conditions { lines.append(words.condition(condition.text(language))) }
    if scheme.decision == .undetermined {
      let open = scheme.open.compactMap { rules[$0] }.flatMap { rule in
        evaluation.findings.first { $0.rule.rule.id == rule.id }?.missingFacts ?? []
      }
      var seen = Set<String>()
      let names = open.filter { seen.insert($0).inserted }.map { factName($0, in: evaluation) }
      if !names.isEmpty { lines.append(words.schemeDependsOn(names.joined(separator: ", "))) }
    }
    if let room = scheme.room {
      let conditions = room.decisionAfter == .eligibleWithConditions ? words.underConditions : ""
      lines.append(words.ask(formatter.format(room.to), insteadOf: formatter.format(room.from), conditions: conditions))
    }
    if let authority = scheme.authority {
      lines.append(words.decided(by: roomWords.authorityName(authority)))
    }
    return lines
  }

  func schemeTitle(_ scheme: SchemeDecision) -> String {
    let title = scheme.title.text(language)
    return title.isEmpty ? scheme.scheme : title
  }
}

extension Evaluation {
  /// Whether the initiative asks only for schemes: no rule on permission is in play, so the
  /// answer is the schemes' decisions, not a verdict level.
  public var asksOnlyForSchemes: Bool {
    !schemes.isEmpty && !findings.contains { $0.status != .doesNotApply && !$0.rule.rule.outcome.kind.decidesScheme }
  }
}
