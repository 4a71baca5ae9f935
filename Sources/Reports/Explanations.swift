import Engine
import Rulebook
import RuleLanguage

/// The sentences of an evaluation in one language: templates filled with values.
public struct Explanations: Sendable {
  public let language: String
  let formatter: ValueFormatter

  public init(language: String) {
    self.language = language
    formatter = ValueFormatter(language: language)
  }

  /// The finding's explanation: the rule's template for its status, with `{name}` filled in.
  public func sentence(for finding: Finding, in evaluation: Evaluation) -> String {
    let rule = finding.rule.rule
    var template = rule.explanation
    if finding.status == .doesNotApply, !rule.explanationNotApplying.isEmpty { template = rule.explanationNotApplying }
    var text = ExplanationTemplate.render(template.text(language)) { name in
      formatter.format(value(of: name, in: evaluation))
    }
    switch (finding.status, finding.reason) {
    case (.doesNotApply, .overridden):
      let others = finding.overriddenBy.joined(separator: ", ")
      text = (language == "en" ? "Set aside by the more specific rule \(others). " : "Opzij gezet door de specifiekere regel \(others). ") + text
    case (.undetermined, _) where !finding.missingFacts.isEmpty:
      let facts = finding.missingFacts.joined(separator: ", ")
      text = (language == "en" ? "Not yet determined: depends on \(facts). " : "Nog niet te bepalen: hangt af van \(facts). ") + text
    default:
      break
    }
    return text.trimmingSpacesAndNewlines
  }

  /// The value of a fact, parameter or definition for the templates.
  func value(of name: String, in evaluation: Evaluation) -> Value {
    let rulebook = evaluation.rulebook
    if let slot = rulebook.slotsByName[name] { return evaluation.facts[slot] }
    let epoch = rulebook.epoch(on: evaluation.asOf)
    if let value = epoch.parameterValues[name] { return value }
    if let program = epoch.definitionPrograms[name] { return program.evaluate(evaluation.facts) }
    return .unknown
  }

  /// The name of a verdict level.
  public func level(_ level: VerdictLevel) -> String { level.label.text(language) }

  /// `APV art. 2:25 lid 2` with the regulation's short title.
  public func citation(_ citation: Citation?, in rulebook: CompiledRulebook) -> String {
    guard let citation else { return "" }
    let title = rulebook.regulation(citation.regulation)?.title.text(language) ?? citation.regulation
    let article = language == "en" ? citation.articleText.replacingLid : citation.articleText
    return "\(title), \(article)"
  }
}

extension String {
  var trimmingSpacesAndNewlines: String {
    var text = Substring(self)
    while let first = text.first, first.isWhitespace { text.removeFirst() }
    while let last = text.last, last.isWhitespace { text.removeLast() }
    return String(text)
  }

  /// `art. 2:25 lid 2` → `art. 2:25(2)`.
  var replacingLid: String {
    guard let range = range(of: " lid ") else { return self }
    return String(self[..<range.lowerBound]) + "(" + String(self[range.upperBound...]) + ")"
  }

  func range(of needle: String) -> Range<String.Index>? {
    firstRange(of: needle)
  }
}
