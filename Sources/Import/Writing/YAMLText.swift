/// Scalars written so that the YAML reader gives them back exactly.
enum YAMLText {
  /// A double-quoted YAML scalar.
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case "\r": out += "\\r"
      default:
        if scalar.value < 0x20 { out += "\\u" + String(scalar.value, radix: 16).leftPadded(4) } else { out.unicodeScalars.append(scalar) }
      }
    }
    return out + "\""
  }

  /// A string literal in the rule language.
  static func expressionString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// A block scalar (`|`) indented by `indent` spaces, for long expressions.
  static func block(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return "|\n" + text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
  }

  /// A comment of one or more lines.
  static func comment(_ text: String, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    return text.split(separator: "\n").map { "\(pad)# \($0)" }.joined(separator: "\n") + "\n"
  }
}

extension String {
  func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
