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
    chunk.path = path
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
        if end > scanned { chunk.items.append(.jsonLine(line: line, start: scanned, end: end)) }
        scanned = newline + 1
        continue
      }
      if finished {
        if scanned < chunk.bytes.count {
          line += 1
          chunk.items.append(.jsonLine(line: line, start: scanned, end: chunk.bytes.count))
          scanned = chunk.bytes.count
        }
        break
      }
      // A chunk is the whole lines of one buffer; only when it holds none yet (at the start, or a
      // line longer than a block) is more read, after the partial line.
      if !chunk.items.isEmpty { break }
      let partial = chunk.bytes[scanned...]
      chunk.bytes = try fill(after: partial, capacity: max(Self.blockSize, partial.count * 2))
      scanned = 0
    }
    pending = Array(chunk.bytes[scanned...])
    chunk.bytes.removeSubrange(scanned...)
    offset += scanned
    chunk.inputOffset = offset
    return chunk.items.isEmpty && finished && pending.isEmpty ? nil : chunk
  }

  /// A new buffer of `capacity` bytes: `partial`, then as much input as fits, read straight into
  /// it (each input byte is copied once from the system). Sets `finished` at the end of the input.
  private mutating func fill(after partial: ArraySlice<UInt8>, capacity: Int) throws -> [UInt8] {
    let descriptor = handle.fileDescriptor
    var failure: Int32 = 0
    var ended = false
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let base = buffer.baseAddress!
      count = partial.count
      partial.withUnsafeBufferPointer { if let start = $0.baseAddress { base.initialize(from: start, count: $0.count) } }
      while count < capacity {
        let got = read(descriptor, base + count, capacity - count)
        if got > 0 {
          count += got
        } else if got == 0 {
          ended = true
          return
        } else if errno != EINTR {
          failure = errno
          return
        }
      }
    }
    if failure != 0 { throw BatchError.cannotRead("cannot read '\(path)': \(String(cString: strerror(failure)))") }
    finished = ended
    return bytes
  }
}
