import Engine
import SourceDiagnostics

/// A run of input records, read together and evaluated in parallel.
public struct RecordChunk: Sendable {
  /// The bytes that JSON-line records point into.
  public var bytes: [UInt8] = []
  public var items: [RecordItem] = []
  /// How far into the input this chunk reaches (bytes), for progress.
  public var inputOffset: Int = 0
}

/// One input record.
public enum RecordItem: Sendable {
  /// A line of JSON in the chunk's bytes.
  case jsonLine(path: String, line: Int, start: Int, end: Int)
  /// An initiative already read (YAML documents, CSV rows), or the problems that stopped it.
  case initiative(path: String, line: Int, Initiative?, [Diagnostic])
}

/// Where records come from: a JSON Lines file, a YAML stream, a folder, a CSV export.
public protocol RecordSource {
  /// The next records, at most `limit`; nil at the end.
  mutating func nextChunk(limit: Int) throws -> RecordChunk?
  /// The total input size in bytes when known (for the ETA).
  var totalBytes: Int? { get }
}
