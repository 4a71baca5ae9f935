import Foundation
import SourceDiagnostics

/// Renders diagnostics as a SARIF 2.1.0 log, so that code hosts show findings inline.
/// Columns count Unicode scalars (`columnKind: unicodeCodePoints`), as the text renderer does.
public struct SARIFRenderer: Sendable {
  public var toolName: String
  public var toolVersion: String

  public init(toolName: String = "bricoleur", toolVersion: String = "0.1.0") {
    self.toolName = toolName
    self.toolVersion = toolVersion
  }

  /// The SARIF log as pretty-printed JSON with sorted keys.
  public func render(_ diagnostics: [Diagnostic]) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(log(diagnostics)), as: UTF8.self)
  }

  /// The log as values.
  public func log(_ diagnostics: [Diagnostic]) -> SARIFLog {
    let codes = Set(diagnostics.map(\.code))
    var rules = AnalysisDiagnostics.descriptions.filter { codes.contains($0.code) }.map {
      SARIFLog.ReportingDescriptor(id: $0.code, shortDescription: .init(text: $0.text))
    }
    for code in codes.sorted() where !rules.contains(where: { $0.id == code }) {
      rules.append(.init(id: code, shortDescription: .init(text: code)))
    }
    let results = diagnostics.map { diagnostic in
      SARIFLog.Result(
        ruleId: diagnostic.code, level: level(diagnostic.severity),
        message: .init(text: ([diagnostic.message] + diagnostic.notes.filter { $0.span == nil }.map(\.message)
          + (diagnostic.help.map { ["help: \($0)"] } ?? [])).joined(separator: "\n")),
        locations: location(diagnostic.span, path: diagnostic.path).map { [$0] } ?? [],
        relatedLocations: diagnostic.notes.compactMap { note in
          note.span.flatMap { location($0, path: nil) }.map { SARIFLog.Location(physicalLocation: $0.physicalLocation, message: .init(text: note.message)) }
        },
        properties: diagnostic.witness.isEmpty ? nil : .init(witness: Dictionary(diagnostic.witness.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })))
    }
    return SARIFLog(runs: [
      .init(tool: .init(driver: .init(name: toolName, version: toolVersion, informationUri: "https://github.com/bricoleur/bricoleur", rules: rules)),
        results: results)
    ])
  }

  func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  func location(_ span: SourceSpan?, path: String?) -> SARIFLog.Location? {
    guard let span else {
      return path.map { SARIFLog.Location(physicalLocation: .init(artifactLocation: .init(uri: $0), region: nil)) }
    }
    let start = span.startLocation
    let end = span.endLocation
    return SARIFLog.Location(
      physicalLocation: .init(
        artifactLocation: .init(uri: span.file.path),
        region: .init(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)))
  }
}

/// The parts of a SARIF 2.1.0 log that lint findings use.
public struct SARIFLog: Codable, Sendable {
  public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
  public var version = "2.1.0"
  public var runs: [Run]

  enum CodingKeys: String, CodingKey {
    case schema = "$schema"
    case version, runs
  }

  public struct Run: Codable, Sendable {
    public var tool: Tool
    public var columnKind = "unicodeCodePoints"
    public var results: [Result]
  }

  public struct Tool: Codable, Sendable { public var driver: Driver }

  public struct Driver: Codable, Sendable {
    public var name: String
    public var version: String
    public var informationUri: String
    public var rules: [ReportingDescriptor]
  }

  public struct ReportingDescriptor: Codable, Sendable {
    public var id: String
    public var shortDescription: Message
  }

  public struct Message: Codable, Sendable { public var text: String }

  public struct Result: Codable, Sendable {
    public var ruleId: String
    public var level: String
    public var message: Message
    public var locations: [Location]
    public var relatedLocations: [Location]
    public var properties: Properties?
  }

  public struct Properties: Codable, Sendable { public var witness: [String: String] }

  public struct Location: Codable, Sendable {
    public var physicalLocation: PhysicalLocation
    public var message: Message?
  }

  public struct PhysicalLocation: Codable, Sendable {
    public var artifactLocation: ArtifactLocation
    public var region: Region?
  }

  public struct ArtifactLocation: Codable, Sendable { public var uri: String }

  public struct Region: Codable, Sendable {
    public var startLine: Int
    public var startColumn: Int
    public var endLine: Int
    public var endColumn: Int
  }
}
