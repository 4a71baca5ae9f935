/// Collects diagnostics, keeps them in source order and caps their number.
///
/// A cap keeps a hostile file from producing millions of messages; the collector says how
/// many it dropped.
public struct DiagnosticCollector: Sendable {
  /// The default maximum number of diagnostics kept.
  public static let defaultLimit = 200

  public private(set) var diagnostics: [Diagnostic] = []
  public private(set) var dropped = 0
  public let limit: Int

  public init(limit: Int = DiagnosticCollector.defaultLimit) {
    self.limit = limit
  }

  /// Adds a diagnostic, or counts it as dropped once the limit is reached.
  public mutating func add(_ diagnostic: Diagnostic) {
    if diagnostics.count < limit {
      diagnostics.append(diagnostic)
    } else {
      dropped += 1
    }
  }

  /// Adds several diagnostics.
  public mutating func add(contentsOf more: some Sequence<Diagnostic>) {
    for diagnostic in more { add(diagnostic) }
  }

  /// Whether an error was added (dropped ones included).
  public var hasErrors: Bool { diagnostics.hasErrors || dropped > 0 }

  /// The diagnostics sorted by path, position, then severity; a note says how many were dropped.
  public func sorted() -> [Diagnostic] {
    var result = diagnostics.sorted(by: DiagnosticCollector.precedes)
    if dropped > 0 {
      result.append(
        Diagnostic(
          .note, code: "diag.limit", "\(dropped) more diagnostics not shown", at: nil,
          help: "fix the problems above and run again"))
    }
    return result
  }

  /// The order in which diagnostics are shown: by file, then position, then severity.
  public static func precedes(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
    let pathA = a.path ?? ""
    let pathB = b.path ?? ""
    if pathA != pathB { return pathA < pathB }
    let startA = a.span?.start ?? -1
    let startB = b.span?.start ?? -1
    if startA != startB { return startA < startB }
    return a.severity < b.severity
  }
}
