import Foundation

/// Reads the FEEL unary tests and outputs that STTR tables use: `-`, `true`, `false`, a
/// string literal with its double quotes, a number, a comparison with a number (`<= 50`).
/// Anything else is kept as `unsupported`, to be reported.
enum FEELUnaryTest {
  static func cell(_ raw: String) -> STTRCell {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text == "-" || text.isEmpty { return .any }
    if let value = value(text) { return .equals(value) }
    for op in ["<=", ">=", "!=", "<", ">", "="] where text.hasPrefix(op) {
      let rest = text.dropFirst(op.count).trimmingCharacters(in: .whitespaces)
      if isNumber(rest) { return .compare(op: op, number: rest) }
    }
    if text.replacingOccurrences(of: " ", with: "") == "not(null)" { return .answered }
    if let range = range(text) { return range }
    let items = text.split(separator: ",").map { value(String($0)) }
    if items.count > 1, items.allSatisfy({ $0 != nil }) { return .oneOf(items.compactMap { $0 }) }
    return .unsupported(text)
  }

  /// `[a..b]`, `(a..b)`, `]a..b[` and mixtures: a range of numbers.
  static func range(_ text: String) -> STTRCell? {
    guard let open = text.first, let close = text.last, "[(]".contains(open), "])[".contains(close) else { return nil }
    let inner = text.dropFirst().dropLast()
    guard let dots = inner.range(of: "..") else { return nil }
    let low = inner[..<dots.lowerBound].trimmingCharacters(in: .whitespaces)
    let high = inner[dots.upperBound...].trimmingCharacters(in: .whitespaces)
    guard isNumber(low), isNumber(high) else { return nil }
    return .range(low: low, includesLow: open == "[", high: high, includesHigh: close == "]")
  }

  /// A literal: `true`, `false`, `"text"` or a number.
  static func value(_ raw: String) -> STTRValue? {
    let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    if text == "true" { return .bool(true) }
    if text == "false" { return .bool(false) }
    if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
      let inner = text.dropFirst().dropLast()
      guard !inner.contains("\"") else { return nil }
      return .text(String(inner))
    }
    if isNumber(text) { return .number(text) }
    return nil
  }

  static func isNumber(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    var digits = 0
    var dots = 0
    for (index, character) in text.enumerated() {
      if character == "-" && index == 0 { continue }
      if character == "." { dots += 1; continue }
      guard character.isASCII, character.isNumber else { return false }
      digits += 1
    }
    return digits > 0 && dots <= 1
  }
}
