import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// A resident's initiative as submitted: who, what, when, and the facts (any may be missing).
public struct Initiative: Sendable {
  public var id: String
  public var title: String?
  /// Selects the rulebook (`borne`, `tilburg`).
  public var municipality: String?
  /// Where `municipality:` is written, for messages about it.
  public var municipalitySpan: SourceSpan?
  /// The (first) day of the initiative.
  public var date: CalendarDay?
  /// The last day, for an initiative over a period.
  public var endDate: CalendarDay?
  public var description: String?
  /// The language to answer in (`nl` or `en`), if the initiative says.
  public var language: String?
  /// The facts as written, by name, in the order given.
  public var facts: [RawFact]
  /// Where the initiative is (its document), for messages.
  public var span: SourceSpan?

  public init(
    id: String, title: String? = nil, municipality: String? = nil, date: CalendarDay? = nil, endDate: CalendarDay? = nil,
    description: String? = nil, language: String? = nil, facts: [RawFact] = [], span: SourceSpan? = nil
  ) {
    self.id = id
    self.title = title
    self.municipality = municipality
    self.date = date
    self.endDate = endDate
    self.description = description
    self.language = language
    self.facts = facts
    self.span = span
  }
}

/// A fact as written: text (or a list of texts) with where it was written.
public struct RawFact: Sendable {
  public var name: String
  /// The text, or nil for an explicit null (`~`): the fact is then unknown.
  public var text: String?
  /// Items, for a list written as a YAML sequence.
  public var items: [(text: String, span: SourceSpan?)]?
  public var nameSpan: SourceSpan?
  public var valueSpan: SourceSpan?

  public init(
    name: String, text: String?, items: [(text: String, span: SourceSpan?)]? = nil, nameSpan: SourceSpan? = nil,
    valueSpan: SourceSpan? = nil
  ) {
    self.name = name
    self.text = text
    self.items = items
    self.nameSpan = nameSpan
    self.valueSpan = valueSpan
  }
}
