import Foundation

/// Reads JSON Lines in large blocks with bounded memory: a 10-million-line file uses the same
/// memory as a short one. An empty line is skipped (but counted for line numbers).
public struct JSONLinesSource: RecordSource {
  let path: String
  let handle: FileHandle
  var pending: [UInt8] = []
  var line = 0
  var offset = 0
  var finished = false
  public let totalBytes: Int?
  static let blockSize = 4 << 20

  /// Opens `path`; `-` reads standard input.
  public init(path: String) throws {
    self.path = path == "-" ? "<stdin>" : path
    handle = path == "-" ? FileHandle.standardInput : try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
    totalBytes = path == "-" ? nil : (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
  }

  public mutating func nextChunk(limit: Int) throws -> RecordChunk? {
    var chunk = RecordChunk()
    chunk.bytes = pending
    pending = []
    var scanned = 0
    while chunk.items.count < limit {
      // Find complete lines in what we have.
      let found = chunk.bytes.withUnsafeBufferPointer { buffer -> Int? in
        guard scanned < buffer.count, let base = buffer.baseAddress,
          let hit = memchr(base + scanned, 0x0A, buffer.count - scanned)
        else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
      }
      if let newline = found {
        line += 1
        var end = newline
        if end > scanned, chunk.bytes[end - 1] == 0x0D { end -= 1 }
        if end > scanned { chunk.items.append(.jsonLine(path: path, line: line, start: scanned, end: end)) }
        scanned = newline + 1
        continue
      }
      if finished {
        if scanned < chunk.bytes.count {
          line += 1
          chunk.items.append(.jsonLine(path: path, line: line, start: scanned, end: chunk.bytes.count))
          scanned = chunk.bytes.count
        }
        break
      }
      let block = try handle.read(upToCount: Self.blockSize) ?? Data()
      if block.isEmpty { finished = true } else { chunk.bytes.append(contentsOf: block) }
    }
    pending = Array(chunk.bytes[scanned...])
    chunk.bytes.removeSubrange(scanned...)
    offset += scanned
    chunk.inputOffset = offset
    return chunk.items.isEmpty && finished && pending.isEmpty ? nil : chunk
  }
}
