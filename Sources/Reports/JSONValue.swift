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

  /// Writes a JSON string literal as UTF-8: runs that need no escape are copied at once.
  public static func escape(_ text: String, into out: inout [UInt8]) {
    out.append(UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { utf8 in
      var start = 0
      for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
        out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        start = index + 1
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
      out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    out.append(UInt8(ascii: "\""))
  }
}
