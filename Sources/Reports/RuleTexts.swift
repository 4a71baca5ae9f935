import Engine
import Rulebook

/// What the reports say of each rule whatever the evaluation, derived once per rulebook:
/// its explanation templates parsed, and where it is written.
struct RuleTexts: Sendable {
  /// The parsed templates of one text, by language.
  struct Templates: Sendable {
    let byLanguage: [String: [ExplanationTemplate.Piece]]
    let text: LocalizedText

    init(_ text: LocalizedText) {
      self.text = text
      byLanguage = text.texts.mapValues(ExplanationTemplate.pieces(of:))
    }

    /// The template in `language` (as `LocalizedText.text(_:)` picks it), parsed.
    func pieces(_ language: String) -> [ExplanationTemplate.Piece] {
      byLanguage[language] ?? ExplanationTemplate.pieces(of: text.text(language))
    }
  }

  /// The texts of one rule.
  struct Entry: Sendable {
    let explanation: Templates
    let explanationNotApplying: Templates
    /// `Rules/borne/evenementen.yaml:14`.
    let source: String

    init(_ rule: Rule) {
      explanation = Templates(rule.explanation)
      explanationNotApplying = Templates(rule.explanationNotApplying)
      source = "\(rule.idSpan.file.path):\(rule.idSpan.startLocation.line)"
    }
  }

  let entries: [ObjectIdentifier: Entry]

  init(rulebook: CompiledRulebook) {
    var entries: [ObjectIdentifier: Entry] = [:]
    for epoch in rulebook.epochs {
      for rule in epoch.rules { entries[ObjectIdentifier(rule)] = Entry(rule.rule) }
    }
    self.entries = entries
  }

  /// The texts of `rulebook`'s rules, shared by every evaluation against it.
  static func of(_ rulebook: CompiledRulebook) -> RuleTexts {
    rulebook.derived.value(RuleTexts.self) { RuleTexts(rulebook: rulebook) }
  }

  /// The texts of `rule`.
  func entry(_ rule: CompiledRule) -> Entry {
    entries[ObjectIdentifier(rule)] ?? Entry(rule.rule)
  }
}
