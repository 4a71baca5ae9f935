import Engine
import SourceDiagnostics

/// A run of input records, read together and evaluated in parallel.
public struct RecordChunk: Sendable {
  /// The bytes that JSON-line records point into.
  public var bytes: [UInt8] = []
  public var items: [RecordItem] = []
  /// The file that the chunk's JSON lines come from.
  public var path = ""
  /// How far into the input this chunk reaches (bytes), for progress.
  public var inputOffset: Int = 0
}

/// One input record: small, so that a chunk of thousands moves little memory.
public enum RecordItem: Sendable {
  /// A line of JSON in the chunk's bytes (the chunk's `path`, 1-based line number).
  case jsonLine(line: Int, start: Int, end: Int)
  /// An initiative already read (YAML documents, CSV rows), or the problems that stopped it.
  case read(ReadRecord)

  /// An initiative already read, or the problems that stopped it.
  static func initiative(path: String, line: Int, _ initiative: Initiative?, _ diagnostics: [Diagnostic]) -> RecordItem {
    .read(ReadRecord(path: path, line: line, initiative: initiative, diagnostics: diagnostics))
  }
}

/// An initiative read from a YAML document or CSV row, with where it starts and what was wrong.
public final class ReadRecord: Sendable {
  let path: String
  let line: Int
  let initiative: Initiative?
  let diagnostics: [Diagnostic]

  init(path: String, line: Int, initiative: Initiative?, diagnostics: [Diagnostic]) {
    self.path = path
    self.line = line
    self.initiative = initiative
    self.diagnostics = diagnostics
  }
}

/// Where records come from: a JSON Lines file, a YAML stream, a folder, a CSV export.
public protocol RecordSource {
  /// The next records, at most `limit`; nil at the end.
  mutating func nextChunk(limit: Int) throws -> RecordChunk?
  /// The total input size in bytes when known (for the ETA).
  var totalBytes: Int? { get }
}
