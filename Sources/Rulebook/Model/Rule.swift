import RuleLanguage
import SourceDiagnostics

/// One article's norm: when it is relevant, when it applies, and what it says.
public struct Rule: Sendable {
  public var id: String
  public var title: LocalizedText
  public var citation: Citation?
  public var validity: Validity
  /// When the rule is relevant at all (`is_event`); absent means always.
  public var scope: EmbeddedSource?
  /// When the rule applies; absent means whenever in scope.
  public var condition: EmbeddedSource?
  public var outcome: Outcome
  /// Rules this one sets aside when it applies (a specific rule over a general one).
  public var overrides: [Reference]
  public var procedure: Procedure?
  /// Templates that quote facts, parameters and definitions as `{name}`.
  public var explanation: LocalizedText
  /// The text when the rule does not apply (optional).
  public var explanationNotApplying: LocalizedText
  public var room: [RoomDeclaration]
  /// Remarks for the legal team (an assumption, what is not encoded).
  public var note: LocalizedText = LocalizedText()
  /// Where the rule came from when layered (the rulebook id).
  public var origin: String
  public var span: SourceSpan
  /// The span of the `id` value, for messages about the rule.
  public var idSpan: SourceSpan

  /// A reference to another rule by id, with where it was written.
  public struct Reference: Sendable {
    public var id: String
    public var span: SourceSpan
  }
}

/// The procedure that follows from a rule's outcome.
public struct Procedure: Sendable {
  /// How long before the start the notification or application must be in
  /// (`10 werkdagen`, `8 weken`).
  public var deadline: EmbeddedSource?
  /// How long the authority has to decide.
  public var decisionPeriod: EmbeddedSource?
  public var fee: EmbeddedSource?
  public var note: LocalizedText
}

/// Room a rule declares: who can set it aside, on what grounds, or what else is possible.
public struct RoomDeclaration: Sendable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    /// An exemption (ontheffing) from the rule.
    case exemption
    /// A hardship clause (hardheidsclausule).
    case hardship
    /// An experiment clause.
    case experiment
    /// Another route to the same goal.
    case alternative
  }

  public var kind: Kind
  /// Who grants it (`burgemeester`).
  public var grantedBy: String?
  /// On what grounds, or what the alternative is.
  public var description: LocalizedText
  /// When to ask, relative to the start (`4 weken`).
  public var deadline: EmbeddedSource?
  public var citation: Citation?
  public var span: SourceSpan
}
