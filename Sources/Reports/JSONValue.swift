/// A JSON value with ordered keys, so output is stable for golden files and diffs.
public indirect enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(String)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }
  public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

  /// An integer.
  public static func int(_ value: some BinaryInteger) -> JSONValue { .number(String(value)) }

  /// The text, compact or indented by two spaces.
  public func serialized(pretty: Bool = false) -> String {
    String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
  }

  /// The text as UTF-8 bytes (for a response body: no round trip through `String`).
  public func serializedBytes(pretty: Bool = false) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(4096)
    write(into: &out, pretty: pretty, depth: 0)
    return out
  }

  /// Writes the value as UTF-8, nested `depth` levels deep.
  func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
    case .number(let text): out.append(contentsOf: text.utf8)
    case .string(let text): JSONValue.escape(text, into: &out)
    case .array(let items):
      guard !items.isEmpty else { return out.append(contentsOf: "[]".utf8) }
      out.append(UInt8(ascii: "["))
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { Self.newline(&out, depth + 1) }
        item.write(into: &out, pretty: pretty, depth: depth + 1)
      }
      if pretty { Self.newline(&out, depth) }
      out.append(UInt8(ascii: "]"))
    case .object(let pairs):
      guard !pairs.isEmpty else { return out.append(contentsOf: "{}".utf8) }
      out.append(UInt8(ascii: "{"))
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out.append(UInt8(ascii: ",")) }
        if pretty { Self.newline(&out, depth + 1) }
        JSONValue.escape(key, into: &out)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
        value.write(into: &out, pretty: pretty, depth: depth + 1)
      }
      if pretty { Self.newline(&out, depth) }
      out.append(UInt8(ascii: "}"))
    }
  }

  static func newline(_ out: inout [UInt8], _ depth: Int) {
    out.append(UInt8(ascii: "\n"))
    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
  }

  /// Writes a JSON string literal as UTF-8: runs that need no escape are found eight bytes
  /// at a time and copied at once.
  public static func escape(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      guard let base = utf8.baseAddress else { return }
      let count = utf8.count
      var start = 0
      var index = 0
      while true {
        index = plainRunEnd(base, from: index, count: count)
        guard index < count else { break }
        out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
        appendEscaped(base[index], to: &out)
        index += 1
        start = index
      }
      out.append(contentsOf: UnsafeBufferPointer(start: base + start, count: count - start))
    }
    out.append(UInt8(ascii: "\""))
  }

  /// The first position from `index` on of a byte that needs an escape (a quote, a
  /// backslash, a control character), or `count`.
  @inline(__always)
  static func plainRunEnd(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
    var index = index
    let raw = UnsafeRawPointer(base)
    while index + 8 <= count {
      let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
      let stop = zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
        | ((word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080)
      // The lowest flagged byte is the first to escape (flags above it may be false).
      if stop != 0 { return index + stop.trailingZeroBitCount / 8 }
      index += 8
    }
    while index < count {
      let byte = base[index]
      if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
      index += 1
    }
    return count
  }

  /// The high bit set in each byte of `word` that is zero (exact for the lowest such byte).
  @inline(__always)
  static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  static func appendEscaped(_ byte: UInt8, to out: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "\""): out.append(contentsOf: #"\""#.utf8)
    case UInt8(ascii: "\\"): out.append(contentsOf: #"\\"#.utf8)
    case 0x0A: out.append(contentsOf: #"\n"#.utf8)
    case 0x0D: out.append(contentsOf: #"\r"#.utf8)
    case 0x09: out.append(contentsOf: #"\t"#.utf8)
    default:
      let hex = Array("0123456789abcdef".utf8)
      out.append(contentsOf: #"\u00"#.utf8)
      out.append(hex[Int(byte >> 4)])
      out.append(hex[Int(byte & 15)])
    }
  }
}
