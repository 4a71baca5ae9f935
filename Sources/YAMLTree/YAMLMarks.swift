import CYAML
import SourceDiagnostics

/// Turns libyaml's marks (line and column in characters) into byte offsets in the file.
struct YAMLMarks {
  private let file: SourceFile
  private let lineStarts: [Int]
  /// The file's bytes, alive as long as the document stream that owns them.
  private let bytes: UnsafePointer<UInt8>
  private let byteCount: Int
  /// The last mark converted, to convert the next one from there (events move forward).
  private var last: (line: Int, column: Int, offset: Int) = (0, 0, 0)
  /// The line of the last mark and where its content ends.
  private var lastLine: (line: Int, end: Int) = (-1, 0)

  init(file: SourceFile, bytes: UnsafePointer<UInt8>) {
    self.file = file
    self.lineStarts = file.lineStarts
    self.bytes = bytes
    self.byteCount = file.bytes.count
  }

  /// A libyaml mark as a byte offset in the file.
  ///
  /// - Complexity: amortised O(1) for marks that move forward on a line, O(column) otherwise.
  mutating func offset(_ mark: yaml_mark_t) -> Int {
    let line = Int(mark.line)
    let column = Int(mark.column)
    guard line < lineStarts.count else { return byteCount }
    var (from, offset) = (0, lineStarts[line])
    if last.line == line, last.column <= column { (from, offset) = (last.column, last.offset) }
    if lastLine.line != line { lastLine = (line, lineEnd(line)) }
    let end = lastLine.end
    var remaining = column - from
    // Eight ASCII bytes at a time, then one character at a time.
    while remaining >= 8, offset + 8 <= end {
      let word = UnsafeRawPointer(bytes + offset).loadUnaligned(as: UInt64.self)
      guard word & 0x8080_8080_8080_8080 == 0 else { break }
      offset += 8
      remaining -= 8
    }
    while remaining > 0, offset < end {
      let lead = bytes[offset]
      offset += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      remaining -= 1
    }
    offset = min(offset, end)
    last = (line, column, offset)
    return offset
  }

  /// Where a line's content ends, before its break (the line table put a break there).
  private func lineEnd(_ line: Int) -> Int {
    guard line + 1 < lineStarts.count else { return byteCount }
    let start = lineStarts[line]
    var end = lineStarts[line + 1]
    switch bytes[end - 1] {
    case 0x0A:
      end -= 1
      if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    case 0x0D: end -= 1
    case 0x85: end -= 2  // NEL
    case 0xA8, 0xA9: end -= 3  // LINE SEPARATOR, PARAGRAPH SEPARATOR
    default: break
    }
    return end
  }
}
