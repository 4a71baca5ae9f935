import Engine
import Rulebook
import RuleLanguage

/// The sentences of an evaluation in one language: templates filled with values.
public struct Explanations: Sendable {
  public let language: String
  let formatter: ValueFormatter
  /// The words of the answer in its language.
  public let words: any AnswerWords
  /// The words of room to manoeuvre in the same language.
  let roomWords: any RoomWords

  /// Explanations in `language`: English for "en", Dutch for any other code.
  public init(language: String) {
    self.language = language
    formatter = ValueFormatter(language: language)
    if language == "en" {
      (words, roomWords) = (EnglishAnswerWords(), EnglishRoomWords())
    } else {
      (words, roomWords) = (DutchAnswerWords(), DutchRoomWords())
    }
  }

  /// Items as a sentence lists them: `a`, `a of b`, `a, b of c`.
  func list(_ items: [String], conjunction: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(conjunction) " + items.last!
  }

  /// The line that counts the open rules not yet known to be about the initiative (their scope
  /// is open: what kind of activity it is, say), after `shown` other open rules or alone.
  /// `hint` adds how to list them (for the command line).
  public func scopeOpenSummary(_ count: Int, shown: Bool, hint: Bool = true) -> String {
    words.mayStillApply(count, others: shown, hint: hint)
  }

  /// The finding's explanation: the rule's template for its status, with `{name}` filled in;
  /// for a rule that does not apply without its own text, the sub-conditions that failed.
  public func sentence(for finding: Finding, in evaluation: Evaluation) -> String {
    sentence(for: finding, in: evaluation, texts: RuleTexts.of(evaluation.rulebook).entry(finding.rule))
  }

  /// The finding's explanation, with the rule's texts already at hand.
  func sentence(for finding: Finding, in evaluation: Evaluation, texts: RuleTexts.Entry) -> String {
    let rule = finding.rule.rule
    let fill = { (template: RuleTexts.Templates) in
      ExplanationTemplate.render(template.pieces(language)) { formatter.format(value(of: $0, in: evaluation)) }.trimmingSpacesAndNewlines
    }
    // A template that quotes a value not known yet is not filled with "onbekend": the sentence
    // is said without it (the rule's title) or left out.
    let fillIfKnown = { (template: RuleTexts.Templates) -> String? in
      var known = true
      let text = ExplanationTemplate.render(template.pieces(language)) { name in
        let value = value(of: name, in: evaluation)
        if value.isUnknown { known = false }
        return formatter.format(value)
      }
      return known ? text.trimmingSpacesAndNewlines : nil
    }
    switch (finding.status, finding.reason) {
    case (.applies, _):
      return fillIfKnown(texts.explanation) ?? rule.title.text(language)
    case (.doesNotApply, .overridden):
      let others = finding.overriddenBy.joined(separator: ", ")
      return words.setAside(by: others)
    case (.doesNotApply, _):
      if !rule.explanationNotApplying.isEmpty { return fill(texts.explanationNotApplying) }
      let trace = finding.reason == .outOfScope ? finding.scopeTrace : finding.conditionTrace
      let failing = trace.map(failingParts) ?? []
      let because = failing.map(describe).joined(separator: "; ")
      return finding.reason == .outOfScope ? words.notRelevant(because) : words.notApplying(because)
    case (.undetermined, _):
      let facts = enumeration(finding.missingFacts.map { factName($0, in: evaluation) })
      guard let then = fillIfKnown(texts.explanation) else {
        return words.dependsOn(facts)
      }
      return words.dependsOn(facts, ifApplying: then)
    }
  }

  /// Names as a sentence lists them, each once: "a", "a en b", "a, b en c".
  func enumeration(_ names: [String]) -> String {
    var seen = Set<String>()
    return list(names.filter { seen.insert($0).inserted }, conjunction: words.and)
  }

  /// The sub-conditions that made a condition false: the false operands of an `and` chain,
  /// or the condition itself.
  func failingParts(_ node: TraceNode) -> [TraceNode] {
    if node.value == .bool(false), node.joins == "and" {
      let parts = node.children.filter { $0.value == .bool(false) }
      if !parts.isEmpty { return parts }
    }
    if node.value == .bool(false), node.joins == "or" {
      return node.children.flatMap(failingParts)
    }
    return [node]
  }

  /// `end <= sluitingstijd is nee (end = 01:00 (volgende dag), sluitingstijd = 23:00)`.
  func describe(_ node: TraceNode) -> String {
    let name = node.text
    var text = name
    text.reserveCapacity(name.utf8.count * 3 + 32)
    text += " is "
    text += node.value.map(formatter.format) ?? "?"
    var first = true
    for input in node.inputs where input.name != name {
      text += first ? " (" : ", "
      first = false
      text += input.name
      text += " = "
      text += formatter.format(input.value)
    }
    if !first { text += ")" }
    return text
  }

  /// A fact as a sentence names it: its label ("het aantal bezoekers"), else its question
  /// quoted, else its name.
  public func factName(_ name: String, in evaluation: Evaluation) -> String {
    guard let slot = evaluation.rulebook.slotsByName[name] else { return name }
    let fact = evaluation.rulebook.facts[slot]
    let label = fact.label.text(language).trimmingSpacesAndNewlines
    if !label.isEmpty { return label }
    let question = fact.question.text(language).trimmingSpacesAndNewlines
    return question.isEmpty ? name : "'\(question)'"
  }

  /// A rulebook text (an alternative, an exemption) with its `{name}`s filled; nil when it
  /// quotes a value not known yet.
  public func filled(_ text: String, in evaluation: Evaluation) -> String? {
    var known = true
    let result = ExplanationTemplate.render(text) { name in
      let value = value(of: name, in: evaluation)
      if value.isUnknown { known = false }
      return formatter.format(value)
    }
    return known ? result : nil
  }

  /// The value of a fact, parameter or definition for the templates.
  func value(of name: String, in evaluation: Evaluation) -> Value {
    evaluation.rulebook.value(of: name, facts: evaluation.facts, on: evaluation.asOf)
  }

  /// The name of a verdict level.
  public func level(_ level: VerdictLevel) -> String { level.label.text(language) }

  /// The verdict as a headline: its level, or for an open verdict only the levels that can
  /// still be reached ("nog niet te bepalen: melding nodig of vergunning nodig").
  public func verdictHeadline(_ verdict: Verdict) -> String {
    guard !verdict.determined else { return level(verdict.level) }
    let levels = verdict.possibleLevels.map(level).joined(separator: " \(words.or) ")
    return words.openVerdict + levels + (verdict.possibleLevelsExact ? "" : words.approximately)
  }

  /// A presumed judgement as a caveat to the verdict: "tenzij de burgemeester ernstige overlast
  /// verwacht (APV, art. 2:25 lid 3); dan: niet toegestaan".
  public func caveat(_ assumption: Assumption, in rulebook: CompiledRulebook) -> String {
    let declaration = rulebook.slotsByName[assumption.fact].map { rulebook.facts[$0] }
    let presumption = declaration?.judgement?.presumed
    var text = presumption?.unless.text(language).trimmingSpacesAndNewlines ?? ""
    if text.isEmpty {
      let who = declaration?.judgement?.assessedBy ?? words.municipality
      let question = declaration?.question.text(language).trimmingSpacesAndNewlines ?? assumption.fact
      text = words.unless(who, judgesOtherwise: question)
    }
    let source = citation(presumption?.citation, in: rulebook)
    if !source.isEmpty { text += " (\(source))" }
    return text + words.then(level(assumption.verdictIfNot))
  }

  /// `APV art. 2:25 lid 2` with the regulation's short title.
  public func citation(_ citation: Citation?, in rulebook: CompiledRulebook) -> String {
    guard let citation else { return "" }
    let regulation = rulebook.regulation(citation.regulation)
    let title = regulation?.title.text(language) ?? citation.regulation
    let article = words.article(citation.articleText)
    switch regulation?.reliability {
    case .secondary: return "\(title), \(article) \(words.secondarySource)"
    case .guess: return "\(title), \(article) \(words.unverified)"
    default: return "\(title), \(article)"
    }
  }
}

extension String {
  var trimmingSpacesAndNewlines: String {
    // Most sentences start and end with a letter or a full stop: nothing to trim.
    if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
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
