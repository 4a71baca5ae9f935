import Foundation

/// The coverage of several rulebooks as JSON for tools (`--coverage-format json`).
public struct CoverageDocument: Sendable, Codable {
  /// The format's version; bumped when a field changes meaning.
  public var version = 1
  public var rulebooks: [Entry]
  public var total: CoverageReport.Figures

  /// One rulebook's report with its figures.
  public struct Entry: Sendable, Codable {
    public var report: CoverageReport
    public var figures: CoverageReport.Figures
  }

  public init(_ reports: [CoverageReport]) {
    rulebooks = reports.map { Entry(report: $0, figures: $0.figures) }
    total = reports.map(\.figures).reduce(.zero, +)
  }

  /// Pretty-printed JSON with sorted keys.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }
}
