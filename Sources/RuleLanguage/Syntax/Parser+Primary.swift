import SourceDiagnostics

extension Parser {
  /// Literals, names, calls, `( … )`, `[ … ]` and `if … then … else …`.
  mutating func parsePrimary() -> ExprNode {
    let token = current
    switch token.kind {
    case .number:
      _ = advance()
      return parseNumberWithUnit(token)
    case .string:
      _ = advance()
      return make(.literal(.text(token.text)), span(token))
    case .time:
      _ = advance()
      let parts = token.text.split(separator: ":")
      return make(.literal(.time(TimeOfDay(hour: Int(parts[0])!, minute: Int(parts[1])!))), span(token))
    case .date:
      _ = advance()
      let parts = token.text.split(separator: "-").map { Int($0)! }
      return make(.literal(.date(CalendarDay(year: parts[0], month: parts[1], day: parts[2])!)), span(token))
    case .money:
      _ = advance()
      let amount = FixedDecimal(parsing: Substring(token.text)) ?? FixedDecimal(0)
      return make(.literal(.money(amount.scaled / 10_000)), span(token))
    case .keyword(.true), .keyword(.false):
      _ = advance()
      return make(.literal(.bool(token.kind == .keyword(.true))), span(token))
    case .identifier:
      _ = advance()
      if at(.leftParen) {
        let (arguments, end) = parseArguments(open: advance(), closing: .rightParen)
        return make(.call(token.text, nameSpan: span(token), arguments), span(token).union(end))
      }
      return make(.name(token.text), span(token))
    case .symbol(.leftParen):
      return parseParenthesised()
    case .symbol(.leftBracket):
      _ = advance()
      let (items, end) = parseArguments(open: token, closing: .rightBracket)
      return make(.list(items), span(token).union(end))
    case .keyword(.if):
      return parseConditional()
    case .invalid:
      _ = advance()
      return make(.invalid, span(token))
    case .end:
      error(previous, "missing operand after '\(previous.text)'", help: nil)
      return make(.invalid, span(previous))
    default:
      error(token, "expected an expression, found \(token.quoted)", help: nil)
      if !(at(.rightParen) || at(.rightBracket) || at(.comma)) { _ = advance() }
      return make(.invalid, span(token))
    }
  }

  mutating func parseParenthesised() -> ExprNode {
    let open = advance()
    let inner = operand(after: open) { $0.parseExpression() }
    if at(.rightParen) {
      let close = advance()
      // Parentheses keep the inner node; its span grows to include them.
      var node = inner
      node.span = span(open).union(span(close))
      return node
    }
    if current.kind == .end {
      error(open, "unclosed '('", help: "add ')' after \(inner.span.text.isEmpty ? "the expression" : "'\(inner.span.text)'")")
    } else {
      error(current, "expected ')', found \(current.quoted)", help: "join conditions with 'and' or 'or'")
      recover()
      if at(.rightParen) { _ = advance() }
    }
    return inner
  }

  mutating func parseConditional() -> ExprNode {
    let ifToken = advance()
    let condition = operand(after: ifToken) { $0.parseExpression() }
    guard expect(.then, in: "if … then … else …") else { return make(.invalid, span(ifToken).union(condition.span)) }
    let thenValue = operand(after: previous) { $0.parseExpression() }
    guard expect(.else, in: "if … then … else …") else { return make(.invalid, span(ifToken).union(thenValue.span)) }
    let elseValue = operand(after: previous) { $0.parseExpression() }
    return make(.conditional(condition, thenValue, elseValue), span(ifToken).union(elseValue.span))
  }

  mutating func expect(_ keyword: Token.Keyword, in construct: String) -> Bool {
    if at(keyword) {
      _ = advance()
      return true
    }
    let token = current.kind == .end ? previous : current
    error(token, "expected '\(keyword.rawValue)' in '\(construct)', found \(current.quoted)", help: "write 'if c then a else b'")
    recover()
    return false
  }

  // MARK: Units

  /// A number, optionally followed by a unit: `25 m2`, `3 dagen`, `10 werkdagen`,
  /// `10 working days`, `2 uur`, `30 minuten`.
  mutating func parseNumberWithUnit(_ number: Token) -> ExprNode {
    let parsedAmount = FixedDecimal(parsing: Substring(number.text))
    let amount = parsedAmount ?? FixedDecimal(0)
    if parsedAmount == nil, current.kind == .identifier, QuantityUnit(symbol: current.text) != nil || Parser.durationUnits[current.text.lowercased()] != nil {
      let whole = span(number).union(span(current))
      _ = advance()
      diagnostics.append(.error("expr.syntax", "number '\(number.text)' is too large for a quantity or duration", at: whole, help: nil))
      return make(.invalid, whole)
    }
    guard current.kind == .identifier else {
      let value: Value = number.text.contains(".") ? .decimal(amount) : .integer(Int64(number.text) ?? 0)
      return make(.literal(value), span(number))
    }
    let word = current
    if let unit = QuantityUnit(symbol: word.text) {
      _ = advance()
      return make(.literal(.quantity(amount, unit)), span(number).union(span(word)))
    }
    var key = word.text.lowercased()
    if key == "working" || key == "werk", case .identifier = peekKind(), ["days", "day", "dagen", "dag"].contains(tokens[index + 1].text.lowercased()) {
      key = "werkdagen"
      _ = advance()
    }
    guard let minutes = Parser.durationUnits[key] else {
      let value: Value = number.text.contains(".") ? .decimal(amount) : .integer(Int64(number.text) ?? 0)
      return make(.literal(value), span(number))
    }
    _ = advance()
    let whole = span(number).union(span(previous))
    if minutes == 0 {
      guard let days = amount.integerValue else {
        diagnostics.append(.error("expr.syntax", "working days must be a whole number", at: whole, help: nil))
        return make(.invalid, whole)
      }
      return make(.literal(.workingDays(days)), whole)
    }
    guard let total = FixedDecimal.multiplying(amount, FixedDecimal(minutes)), let count = total.integerValue else {
      diagnostics.append(.error("expr.syntax", "duration '\(whole.text)' is not a whole number of minutes", at: whole, help: nil))
      return make(.invalid, whole)
    }
    return make(.literal(.duration(count)), whole)
  }

  /// Minutes per unit word; 0 marks working days.
  static let durationUnits: [String: Int64] = [
    "werkdagen": 0, "werkdag": 0,
    "weken": 10080, "week": 10080, "weeks": 10080,
    "dagen": 1440, "dag": 1440, "days": 1440, "day": 1440,
    "uur": 60, "uren": 60, "hours": 60, "hour": 60,
    "minuten": 1, "minuut": 1, "minutes": 1, "minute": 1, "min": 1,
  ]
}
