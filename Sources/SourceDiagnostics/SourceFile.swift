/// A file of source text with a line table, shared by every span that points into it.
///
/// Offsets are UTF-8 byte offsets into `text`. Lines and columns are 1-based; columns count
/// Unicode scalars, so a caret under a value after `één` or `café` lands under it.
public final class SourceFile: Sendable {
  /// The path as the user gave it (relative paths stay relative).
  public let path: String
  /// The full text.
  public let text: String
  /// The UTF-8 bytes of `text`.
  public let bytes: [UInt8]
  /// Byte offset of the first byte of each line.
  public let lineStarts: [Int]

  /// Creates a source file from its text.
  public init(path: String, text: String) {
    self.path = path
    self.text = text
    self.bytes = Array(text.utf8)
    self.lineStarts = SourceFile.lineTable(bytes)
  }

  /// Line breaks are those of YAML 1.1 as libyaml counts them: `\n`, `\r\n`, a lone `\r`, NEL, LS and PS.
  static func lineTable(_ bytes: [UInt8]) -> [Int] {
    bytes.withUnsafeBufferPointer { lineTable($0) }
  }

  private static func lineTable(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
    // Most files break lines with line feeds: counting them, eight bytes at a time, sizes
    // the table at once.
    var feeds = 0
    var at = 0
    while at + 8 <= bytes.count {
      let word = UnsafeRawPointer(bytes.baseAddress! + at).loadUnaligned(as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
      let high = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word
      feeds &+= (~high & 0x8080_8080_8080_8080).nonzeroBitCount
      at += 8
    }
    while at < bytes.count {
      if bytes[at] == 0x0A { feeds += 1 }
      at += 1
    }
    var starts: [Int] = []
    starts.reserveCapacity(feeds + 1)
    starts.append(0)
    var i = 0
    while i < bytes.count {
      // Skip eight bytes at a time while none is a line feed, a carriage return or non-ASCII.
      while i + 8 <= bytes.count {
        let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
        if word & 0x8080_8080_8080_8080 != 0 || hasZeroByte(word ^ 0x0A0A_0A0A_0A0A_0A0A)
          || hasZeroByte(word ^ 0x0D0D_0D0D_0D0D_0D0D)
        {
          break
        }
        i += 8
      }
      guard i < bytes.count else { break }
      let byte = bytes[i]
      if byte == 0x0A {
        starts.append(i + 1)
      } else if byte == 0x0D {
        if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
        starts.append(i + 1)
      } else if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
        i += 1  // NEL
        starts.append(i + 1)
      } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
        i += 2  // LINE SEPARATOR, PARAGRAPH SEPARATOR
        starts.append(i + 1)
      }
      i += 1
    }
    return starts
  }

  /// Whether one of the word's eight bytes is zero.
  private static func hasZeroByte(_ word: UInt64) -> Bool {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0
  }

  /// The number of lines (a final line without a break counts).
  public var lineCount: Int { lineStarts.count }

  /// The 1-based line and scalar column of a byte offset.
  public func location(of offset: Int) -> SourceLocation {
    let clamped = max(0, min(offset, bytes.count))
    let lineIndex = lineIndex(containing: clamped)
    let start = lineStarts[lineIndex]
    return SourceLocation(line: lineIndex + 1, column: scalarCount(from: start, to: clamped) + 1)
  }

  /// The byte offset of a 1-based line and scalar column (clamped to the line).
  public func offset(line: Int, column: Int) -> Int {
    guard line >= 1, line <= lineStarts.count else { return bytes.count }
    var offset = lineStarts[line - 1]
    let end = lineEnd(lineIndex: line - 1)
    var remaining = column - 1
    while remaining > 0, offset < end {
      offset += SourceFile.scalarWidth(bytes[offset])
      remaining -= 1
    }
    return min(offset, end)
  }

  /// The text of a 1-based line, without its line break.
  public func lineText(_ line: Int) -> String {
    guard line >= 1, line <= lineStarts.count else { return "" }
    let start = lineStarts[line - 1]
    return String(decoding: bytes[start..<lineEnd(lineIndex: line - 1)], as: UTF8.self)
  }

  /// The byte offset where a 0-based line's content ends (before its break).
  public func lineEnd(lineIndex: Int) -> Int {
    var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : bytes.count
    if lineIndex + 1 < lineStarts.count {
      // Drop the break: one or two bytes for CR/LF, two for NEL, three for LS and PS.
      if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xA8 || bytes[end - 1] == 0xA9 {
        end -= 3
      } else if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 {
        end -= 2
      } else {
        if end > lineStarts[lineIndex], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[lineIndex], bytes[end - 1] == 0x0D { end -= 1 }
      }
    }
    return end
  }

  func lineIndex(containing offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The number of Unicode scalars between two byte offsets on one line.
  public func scalarCount(from start: Int, to end: Int) -> Int {
    var count = 0
    var i = start
    while i < end {
      i += SourceFile.scalarWidth(bytes[i])
      count += 1
    }
    return count
  }

  /// The width in bytes of the UTF-8 sequence that starts with `lead` (1 for a stray byte).
  static func scalarWidth(_ lead: UInt8) -> Int {
    switch lead {
    case 0xF0...0xF7: return 4
    case 0xE0...0xEF: return 3
    case 0xC0...0xDF: return 2
    default: return 1
    }
  }

  /// A span from `start` to `end` (byte offsets) in this file.
  public func span(_ start: Int, _ end: Int) -> SourceSpan {
    SourceSpan(file: self, start: start, end: end)
  }
}

/// A 1-based line and column (in Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// A half-open byte range in a source file.
public struct SourceSpan: Sendable, Hashable {
  public let file: SourceFile
  public var start: Int
  public var end: Int

  public init(file: SourceFile, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// Where the span starts.
  public var startLocation: SourceLocation { file.location(of: start) }
  /// Where the span ends.
  public var endLocation: SourceLocation { file.location(of: end) }
  /// The text the span covers.
  public var text: String {
    let lo = max(0, min(start, file.bytes.count))
    let hi = max(lo, min(end, file.bytes.count))
    return String(decoding: file.bytes[lo..<hi], as: UTF8.self)
  }

  /// The smallest span that covers both.
  public func union(_ other: SourceSpan) -> SourceSpan {
    SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
    lhs.file === rhs.file && lhs.start == rhs.start && lhs.end == rhs.end
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(file))
    hasher.combine(start)
    hasher.combine(end)
  }
}
