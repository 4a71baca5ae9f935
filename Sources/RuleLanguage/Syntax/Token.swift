/// A token of the expression language, with its byte range in the embedded text.
struct Token: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    case identifier
    case keyword(Keyword)
    /// A whole or decimal number; `text` holds its digits.
    case number
    /// `'…'` or `"…"`; `text` holds the decoded content.
    case string
    /// `HH:MM`; `text` holds the literal.
    case time
    /// `YYYY-MM-DD`.
    case date
    /// `EUR 2500`, `€2500`, `€ 1250.50`; `text` holds the amount.
    case money
    case symbol(Symbol)
    /// A character or literal the lexer could not read; a diagnostic was emitted.
    case invalid
    case end
  }

  enum Keyword: String, Sendable, CaseIterable {
    case and, or, not, `in`, between, `if`, then, `else`, `true`, `false`
  }

  enum Symbol: String, Sendable {
    case equal = "==", assign = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">"
    case greaterEqual = ">=", plus = "+", minus = "-", star = "*", slash = "/"
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case comma = ",", dot = ".", arrow = "->", ampersands = "&&", bars = "||", bang = "!"
  }

  var kind: Kind
  /// Byte offsets in the embedded text.
  var start: Int
  var end: Int
  var text: String

  /// How the token is shown in messages: `')'`, `'and'`, `'150'`, `the end`.
  var quoted: String {
    switch kind {
    case .end: "the end of the expression"
    case .string: "a text"
    default: "'\(text)'"
    }
  }
}
