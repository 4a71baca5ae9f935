import SourceDiagnostics

/// A source of toepasbare regels as read: the permit checks of one file, before they become
/// rulebooks. The JSON checker files and STTR DMN files both read into this.
public struct STTRSource: Sendable {
  /// The file it was read from.
  public var path: String
  /// A short name for the source (the JSON `slug`, the DMN `name`).
  public var slug: String
  public var permits: [STTRPermit]
}

/// One permit check: its questions, its decision tables and the conclusion table on top.
public struct STTRPermit: Sendable {
  public var name: String
  public var version: Int?
  public var questions: [STTRQuestion]
  /// Every decision, in source order; `conclusionID` names the one on top.
  public var decisions: [STTRDecision]
  public var conclusionID: String
  /// Legal sources (DMN `knowledgeSource`), with the decisions they are the authority for.
  public var legalSources: [STTRLegalSource] = []
  /// Where the permit is described (its `name`, or the DMN `definitions` element).
  public var span: SourceSpan?

  /// The decision with this id.
  public func decision(_ id: String) -> STTRDecision? { decisions.first { $0.id == id } }
}

/// One question (STTR `uitv:uitvoeringsregel`).
public struct STTRQuestion: Sendable {
  public enum Kind: Sendable, Hashable {
    case boolean
    /// A list question; `multiple` when more than one answer was allowed (`collection`).
    case list(options: [String], multiple: Bool)
    case number
    case date
    case text
    /// A location question (`geo`, `uitv:geoVerwijzing`): not a fact a resident answers.
    case geo(String)
    /// A value the rules fix (`uitv:vasteWaarde`), with the caveat it is assumed under, if any.
    case fixed(STTRValue, caveat: String?)
  }

  public var id: String
  public var text: String
  public var kind: Kind
  /// The asking order, lower first.
  public var priority: Int?
  /// STTR `herbruikbaarId`.
  public var uuid: String?
  public var description: String?
  public var longDescription: String?
  /// The resolver that answers it from the address in the original service.
  public var autofill: String?
  public var span: SourceSpan?
  /// Where it is in the source, for messages (`$.permits[0].questions[3]`, or an element id).
  public var path: String
}

/// What a decision's column reads: a question, or the output of another decision.
public enum STTRInput: Sendable, Hashable {
  case question(String)
  case decision(String)
}

/// One decision table (STTR `dmn:decision`).
public struct STTRDecision: Sendable {
  public var id: String
  /// The DMN name (`Vergunningvrij dakvlak`); nil in the JSON form.
  public var name: String?
  public var inputs: [STTRInput]
  public var rows: [STTRRow]
  public var hitPolicy: String?
  /// Why the decision cannot be read as a table (a literal expression), if it cannot.
  public var unsupported: String?
  public var span: SourceSpan?
  public var path: String
}

/// One row of a decision table.
public struct STTRRow: Sendable {
  public var cells: [STTRCell]
  public var output: STTRValue
  /// The explanation shown with a conclusion (`content:conclusieToelichting`).
  public var description: String?
  /// A legal source named on the row (DMN `annotationEntry`).
  public var annotation: String?
  public var span: SourceSpan?
  public var path: String
}

/// A value: an answer to a question, or the output of a decision.
public enum STTRValue: Sendable, Hashable, CustomStringConvertible {
  case bool(Bool)
  case text(String)
  case number(String)

  public var description: String {
    switch self {
    case .bool(let value): value ? "true" : "false"
    case .text(let text): "\"\(text)\""
    case .number(let number): number
    }
  }
}

/// A cell of a decision table: a FEEL unary test.
public enum STTRCell: Sendable, Hashable {
  /// `-`: matches anything, also an unanswered question.
  case any
  /// Matches exactly this value.
  case equals(STTRValue)
  /// A comparison with a number (`<= 50`), `op` one of `<`, `<=`, `>`, `>=`, `=`, `!=`.
  case compare(op: String, number: String)
  /// A range of numbers (`[50..100]`, `(50..100)`), each end included or not.
  case range(low: String, includesLow: Bool, high: String, includesHigh: Bool)
  /// One of several values (`"a","b"`).
  case oneOf([STTRValue])
  /// `not(null)`: any given answer.
  case answered
  /// A test the importer cannot read, as written.
  case unsupported(String)
}

/// A legal source (`dmn:knowledgeSource`): an Akoma Ntoso identifier of an article.
public struct STTRLegalSource: Sendable {
  public var name: String
  /// The decisions (and questions) it is the authority for.
  public var decisionIDs: [String]
  public var span: SourceSpan?
}
