/// The wire form of a diagnostic: the same fields as the text rendering.
public struct DiagnosticV1: Codable, Sendable, Hashable {
  public struct Position: Codable, Sendable, Hashable {
    public var line: Int
    public var column: Int
  }

  public struct Note: Codable, Sendable, Hashable {
    public var message: String
    public var path: String?
    public var start: Position?
    public var end: Position?
  }

  public var severity: String
  public var code: String
  public var message: String
  public var path: String?
  public var start: Position?
  public var end: Position?
  public var notes: [Note]
  public var help: String?
  /// The witness's values by name (a lint finding's example initiative), if any.
  public var witness: [String: String]?

  public init(_ diagnostic: Diagnostic) {
    severity = diagnostic.severity.rawValue
    code = diagnostic.code
    message = diagnostic.message
    path = diagnostic.path
    start = diagnostic.span.map { Position($0.startLocation) }
    end = diagnostic.span.map { Position($0.endLocation) }
    notes = diagnostic.notes.map {
      Note(
        message: $0.message, path: $0.span?.file.path, start: $0.span.map { Position($0.startLocation) },
        end: $0.span.map { Position($0.endLocation) })
    }
    help = diagnostic.help
    witness = diagnostic.witness.isEmpty
      ? nil : Dictionary(diagnostic.witness.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
  }
}

extension DiagnosticV1.Position {
  init(_ location: SourceLocation) {
    self.init(line: location.line, column: location.column)
  }
}
