/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  case error
  case warning
  case note

  var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, optionally at its own place.
public struct DiagnosticNote: Sendable, Hashable {
  public var message: String
  public var span: SourceSpan?

  public init(_ message: String, at span: SourceSpan? = nil) {
    self.message = message
    self.span = span
  }
}

/// One named value of a diagnostic's witness (`visitors`, `150`).
public struct DiagnosticWitnessEntry: Sendable, Hashable {
  public var name: String
  public var value: String

  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}

/// A problem found in user input: data, never thrown.
///
/// Messages are lowercase, one line, without a final period, with user input in single quotes;
/// advice goes in `help`. Codes are stable and grouped by domain (`yaml.*`, `expr.*`, `rule.*`).
public struct Diagnostic: Sendable, Hashable {
  public var severity: Severity
  /// A stable code such as `yaml.duplicate-key`.
  public var code: String
  public var message: String
  /// Where the problem is; `nil` for a problem with no place (a missing file).
  public var span: SourceSpan?
  /// A path to name when there is no span.
  public var path: String?
  public var notes: [DiagnosticNote]
  public var help: String?
  /// A concrete example that shows the problem (a lint witness: an initiative's date and
  /// facts), as `(name, value)` pairs in a readable order; empty when there is none.
  public var witness: [DiagnosticWitnessEntry] = []

  public init(
    _ severity: Severity, code: String, _ message: String, at span: SourceSpan?,
    notes: [DiagnosticNote] = [], help: String? = nil, path: String? = nil
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.span = span
    self.notes = notes
    self.help = help
    self.path = path ?? span?.file.path
  }

  /// An error.
  public static func error(
    _ code: String, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.error, code: code, message, at: span, notes: notes, help: help)
  }

  /// A warning.
  public static func warning(
    _ code: String, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil
  ) -> Diagnostic {
    Diagnostic(.warning, code: code, message, at: span, notes: notes, help: help)
  }

  /// Where the diagnostic starts, if it has a place.
  public var location: SourceLocation? { span?.startLocation }
}

extension Array where Element == Diagnostic {
  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { contains { $0.severity == .error } }
}
