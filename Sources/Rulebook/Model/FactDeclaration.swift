import RuleLanguage
import SourceDiagnostics

/// A fact an initiative can carry, with the question put to a resident.
public struct FactDeclaration: Sendable {
  public var name: String
  public var type: ValueType
  /// Smallest and largest allowed value (for numbers, times, quantities).
  public var minimum: Value?
  public var maximum: Value?
  /// The question put to the resident.
  public var question: LocalizedText
  public var help: LocalizedText
  /// Whether the resident can change it (visitors, end time: yes; the zone: no).
  public var adjustable: Bool
  /// The smallest sensible change for the room search (1 visitor, 15 minutes, 1 m2).
  public var step: Value?
  /// An open norm assessed by an official rather than measured.
  public var judgement: Judgement?
  /// For a time: the fact it follows; a value not after it is on the next day (an end at
  /// 01:00 after a start at 20:00 is 25:00).
  public var after: String?
  /// A fact whose value stands in when this one is not given (music ends with the event).
  public var defaultFact: String?
  /// Labels of enumeration values.
  public var valueLabels: [String: LocalizedText]
  /// A short name for people ("aantal bezoekers"), used where a sentence names the fact.
  public var label: LocalizedText = LocalizedText()
  public var span: SourceSpan
  /// Where the type is written (for messages about it).
  public var typeSpan: SourceSpan?
  /// The asking order among the deciding questions, lower first (an imported check's STTR
  /// priority); facts without one come after, in the order the interview ranks them.
  public var priority: Int?

  /// What an official assesses for a judgement fact.
  public struct Judgement: Sendable {
    public var assessedBy: String?
    /// What the assessment turns on.
    public var turnsOn: LocalizedText
    /// The ordinary value presumed while the official has not assessed it, if declared.
    public var presumed: Presumption?

    public init(assessedBy: String?, turnsOn: LocalizedText, presumed: Presumption? = nil) {
      self.assessedBy = assessedBy
      self.turnsOn = turnsOn
      self.presumed = presumed
    }
  }

  /// A judgement's ordinary value, presumed until the official assesses otherwise: a verdict is
  /// given under it and says so ("unless the mayor expects serious nuisance").
  public struct Presumption: Sendable {
    /// The value as written (`no`), read as a value of the fact's type when compiled.
    public var valueText: String
    public var valueSpan: SourceSpan
    /// The caveat that goes with a verdict given under the presumption.
    public var unless: LocalizedText
    /// The article that leaves the judgement to the official.
    public var citation: Citation?
    public var span: SourceSpan

    public init(valueText: String, valueSpan: SourceSpan, unless: LocalizedText, citation: Citation?, span: SourceSpan) {
      self.valueText = valueText
      self.valueSpan = valueSpan
      self.unless = unless
      self.citation = citation
      self.span = span
    }
  }
}

/// A named value used in conditions, so an amendment changes one number.
public struct ParameterDeclaration: Sendable {
  public var name: String
  /// The versions of the value over time, in the order written.
  public var versions: [Version]
  public var description: LocalizedText
  public var citation: Citation?
  public var span: SourceSpan
  /// The parameter of the same name in the rulebook this one extends, which this one replaces:
  /// its type is the type this parameter's value must have.
  public var replaced: Replaced?

  /// What a parameter replaces: the base rulebook's value, where it is written, and its rulebook.
  public struct Replaced: Sendable {
    public var version: Version
    public var rulebook: String
  }

  /// One value with its period of validity.
  public struct Version: Sendable {
    public var source: EmbeddedSource
    public var validity: Validity
    public var span: SourceSpan
  }
}

/// A constraint between facts (`music_end <= end`): an initiative that breaks it is refused as input.
public struct ConstraintDeclaration: Sendable {
  public var id: String
  public var check: EmbeddedSource
  public var message: LocalizedText
  public var span: SourceSpan
}

/// A derived value (`klein_evenement: visitors <= max_bezoekers and ...`).
public struct DefinitionDeclaration: Sendable {
  public var name: String
  public var source: EmbeddedSource
  public var description: LocalizedText
  public var span: SourceSpan
}

/// A closed set of values.
public struct EnumerationDeclaration: Sendable {
  public var name: String
  public var cases: [String]
  public var labels: [String: LocalizedText]
  public var span: SourceSpan
}
