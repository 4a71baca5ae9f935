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
    var out = ""
    write(into: &out, pretty: pretty, indent: "")
    return out
  }

  func write(into out: inout String, pretty: Bool, indent: String) {
    switch self {
    case .null: out += "null"
    case .bool(let flag): out += flag ? "true" : "false"
    case .number(let text): out += text
    case .string(let text): JSONValue.escape(text, into: &out)
    case .array(let items):
      guard !items.isEmpty else { return out += "[]" }
      let inner = indent + "  "
      out += "["
      for (index, item) in items.enumerated() {
        if index > 0 { out += "," }
        if pretty { out += "\n" + inner }
        item.write(into: &out, pretty: pretty, indent: inner)
      }
      out += pretty ? "\n" + indent + "]" : "]"
    case .object(let pairs):
      guard !pairs.isEmpty else { return out += "{}" }
      let inner = indent + "  "
      out += "{"
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out += "," }
        if pretty { out += "\n" + inner }
        JSONValue.escape(key, into: &out)
        out += pretty ? ": " : ":"
        value.write(into: &out, pretty: pretty, indent: inner)
      }
      out += pretty ? "\n" + indent + "}" : "}"
    }
  }

  /// Writes a JSON string literal.
  public static func escape(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
