import SourceDiagnostics

/// Splits an expression into tokens; never fails: bad input becomes an `invalid` token and a
/// diagnostic.
struct Lexer {
  let source: EmbeddedSource
  let bytes: [UInt8]
  var position = 0
  var diagnostics: [Diagnostic] = []

  init(_ source: EmbeddedSource) {
    self.source = source
    self.bytes = Array(source.text.utf8)
  }

  /// All tokens, ending with `.end`.
  static func tokenize(_ source: EmbeddedSource) -> ([Token], [Diagnostic]) {
    var lexer = Lexer(source)
    var tokens: [Token] = []
    while true {
      let token = lexer.next()
      tokens.append(token)
      if token.kind == .end { break }
    }
    return (tokens, lexer.diagnostics)
  }

  func peek(_ offset: Int = 0) -> UInt8? {
    position + offset < bytes.count ? bytes[position + offset] : nil
  }

  func text(_ start: Int, _ end: Int) -> String {
    String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
  static func isIdentifierStart(_ b: UInt8?) -> Bool {
    guard let b else { return false }
    return (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || b == 0x5F || b >= 0x80
  }
  static func isIdentifierPart(_ b: UInt8?) -> Bool { isIdentifierStart(b) || isDigit(b) }

  mutating func skipSpace() {
    while let b = peek(), b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { position += 1 }
  }

  mutating func next() -> Token {
    skipSpace()
    let start = position
    guard let b = peek() else { return Token(kind: .end, start: start, end: start, text: "") }
    if Lexer.isDigit(b) { return number() }
    if Lexer.isIdentifierStart(b) && !startsEuroSign() { return word() }
    if b == 0x27 || b == 0x22 { return string(quote: b) }
    if startsEuroSign() {
      position += 3
      return money(start: start)
    }
    return symbol()
  }

  /// `€` is E2 82 AC in UTF-8.
  func startsEuroSign() -> Bool { peek() == 0xE2 && peek(1) == 0x82 && peek(2) == 0xAC }

  mutating func word() -> Token {
    let start = position
    while Lexer.isIdentifierPart(peek()) && !startsEuroSign() { position += 1 }
    let word = text(start, position)
    if word == "EUR" {
      let save = position
      skipSpace()
      if Lexer.isDigit(peek()) { return money(start: start) }
      position = save
    }
    if let keyword = Token.Keyword(rawValue: word) {
      return Token(kind: .keyword(keyword), start: start, end: position, text: word)
    }
    return Token(kind: .identifier, start: start, end: position, text: word)
  }

  mutating func money(start: Int) -> Token {
    skipSpace()
    let amountStart = position
    while Lexer.isDigit(peek()) || (peek() == 0x2E && Lexer.isDigit(peek(1))) { position += 1 }
    let amount = text(amountStart, position)
    if amount.isEmpty {
      return invalid(start, "expected an amount after '\(text(start, position))'", help: "write an amount such as '€ 2500' or 'EUR 1250.50'")
    }
    let parts = amount.split(separator: ".", omittingEmptySubsequences: false)
    if parts.count > 2 || (parts.count == 2 && parts[1].count > 2) {
      return invalid(start, "invalid amount '\(text(start, position))'", help: "write at most two decimals, e.g. 'EUR 1250.50'")
    }
    guard let value = FixedDecimal(parsing: Substring(amount)), value.scaled / 10_000 < Int64.max / 100 else {
      return invalid(start, "amount '\(text(start, position))' is too large", help: nil)
    }
    return Token(kind: .money, start: start, end: position, text: amount)
  }

  mutating func number() -> Token {
    let start = position
    while Lexer.isDigit(peek()) { position += 1 }
    let digits = position - start
    // A date: four digits, '-', two digits, '-', two digits.
    if digits == 4, peek() == 0x2D, Lexer.isDigit(peek(1)) { return date(start: start) }
    // A time: one or two digits, ':', two digits.
    if digits <= 2, peek() == 0x3A { return time(start: start) }
    if peek() == 0x2E, Lexer.isDigit(peek(1)) {
      position += 1
      while Lexer.isDigit(peek()) { position += 1 }
    }
    let literal = text(start, position)
    if literal.contains("."), FixedDecimal(parsing: Substring(literal)) == nil {
      return invalid(start, "invalid number '\(literal)'", help: "numbers have at most six decimals")
    }
    if !literal.contains("."), Int64(literal) == nil {
      return invalid(start, "number '\(literal)' is too large", help: nil)
    }
    return Token(kind: .number, start: start, end: position, text: literal)
  }

  mutating func date(start: Int) -> Token {
    while Lexer.isDigit(peek()) || peek() == 0x2D { position += 1 }
    let literal = text(start, position)
    let parts = literal.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
    else {
      return invalid(start, "invalid date '\(literal)'", help: "write a date as YYYY-MM-DD, e.g. '2026-07-04'")
    }
    if CalendarDay(year: y, month: m, day: d) == nil {
      let help = (1...12).contains(m)
        ? "month \(m) of \(y) has \(CalendarDay.daysIn(month: m, year: y)) days"
        : "months run from 01 to 12"
      return invalid(start, "invalid date '\(literal)'", help: help)
    }
    return Token(kind: .date, start: start, end: position, text: literal)
  }

  mutating func time(start: Int) -> Token {
    position += 1
    while Lexer.isDigit(peek()) { position += 1 }
    let literal = text(start, position)
    let parts = literal.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else {
      return invalid(start, "invalid time '\(literal)'", help: "write a time as HH:MM, e.g. '23:00'")
    }
    if m > 59 {
      return invalid(start, "invalid time '\(literal)'", help: "minutes run from 00 to 59")
    }
    if h > 24 || (h == 24 && m > 0) {
      return invalid(start, "invalid time '\(literal)'", help: "hours run from 00 to 24; write 'next_day(01:00)' for a time after midnight")
    }
    return Token(kind: .time, start: start, end: position, text: literal)
  }

  mutating func string(quote: UInt8) -> Token {
    let start = position
    position += 1
    var content: [UInt8] = []
    while let b = peek(), b != quote {
      if b == 0x5C, let escaped = peek(1) {
        content.append(escaped)
        position += 2
      } else {
        content.append(b)
        position += 1
      }
    }
    guard peek() == quote else {
      return invalid(start, "unterminated text", help: "close the text with \(quote == 0x27 ? "'" : "\"")")
    }
    position += 1
    return Token(kind: .string, start: start, end: position, text: String(decoding: content, as: UTF8.self))
  }

  mutating func symbol() -> Token {
    let start = position
    let two = position + 1 < bytes.count ? text(position, position + 2) : ""
    if let symbol = Token.Symbol(rawValue: two), two.count == 2 {
      position += 2
      return Token(kind: .symbol(symbol), start: start, end: position, text: two)
    }
    let one = text(position, position + 1)
    if let symbol = Token.Symbol(rawValue: one) {
      position += 1
      return Token(kind: .symbol(symbol), start: start, end: position, text: one)
    }
    // Skip one whole scalar.
    position += 1
    while let b = peek(), b & 0xC0 == 0x80 { position += 1 }
    let character = text(start, position)
    return invalid(start, "unexpected character '\(character)'", help: nil)
  }

  mutating func invalid(_ start: Int, _ message: String, help: String?) -> Token {
    diagnostics.append(.error("expr.syntax", message, at: source.span(start, position), help: help))
    return Token(kind: .invalid, start: start, end: position, text: text(start, position))
  }
}
