/// JSON writes a character outside the Basic Multilingual Plane as a pair of UTF-16 escapes
/// (`"\ud83d\ude00"`, as Python's `json.dumps` does), which YAML's double-quoted scalars do not
/// accept. For a document that is JSON, such pairs become one YAML escape (`\U0001F600`) before
/// libyaml reads it, and an unpaired surrogate becomes U+FFFD, the replacement character.
enum JSONSurrogates {
  /// The bytes with every surrogate escape inside a string rewritten, or nil when the document is
  /// not JSON (it does not start with `{` or `[`) or holds none. A rewritten pair is two bytes
  /// shorter; as many spaces follow the string's closing quote, so that every position after
  /// the string is where it was.
  static func rewritten(_ bytes: [UInt8]) -> [UInt8]? {
    guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else {
      return nil
    }
    var out: [UInt8] = []
    var copied = 0
    var inString = false
    var padding = 0
    var i = 0
    while i < bytes.count {
      let byte = bytes[i]
      guard inString else {
        if byte == UInt8(ascii: "\"") { inString = true }
        i += 1
        continue
      }
      if byte == UInt8(ascii: "\"") {
        inString = false
        i += 1
        if padding > 0 {
          out += bytes[copied..<i]
          out += repeatElement(UInt8(ascii: " "), count: padding)
          copied = i
          padding = 0
        }
        continue
      }
      guard byte == UInt8(ascii: "\\"), i + 1 < bytes.count else {
        i += 1
        continue
      }
      guard bytes[i + 1] == UInt8(ascii: "u"), let high = hex(bytes, i + 2), (0xD800...0xDFFF).contains(high) else {
        i += 2
        continue
      }
      if out.isEmpty { out.reserveCapacity(bytes.count) }
      out += bytes[copied..<i]
      if (0xD800...0xDBFF).contains(high), i + 11 < bytes.count, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
        let low = hex(bytes, i + 8), (0xDC00...0xDFFF).contains(low)
      {
        let scalar = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        out += Array("\\U".utf8) + Array(String(scalar, radix: 16, uppercase: true).leftPadded(to: 8).utf8)
        padding += 2
        i += 12
      } else {
        out += Array("\\uFFFD".utf8)
        i += 6
      }
      copied = i
    }
    guard copied > 0 else { return nil }
    // An unterminated string keeps its padding at the end: the length never changes.
    return out + bytes[copied...] + repeatElement(UInt8(ascii: " "), count: padding)
  }

  /// The value of four hexadecimal digits at `start`, if there are four.
  static func hex(_ bytes: [UInt8], _ start: Int) -> Int? {
    guard start + 4 <= bytes.count else { return nil }
    var value = 0
    for byte in bytes[start..<start + 4] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: return nil
      }
      value = value * 16 + Int(digit)
    }
    return value
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
