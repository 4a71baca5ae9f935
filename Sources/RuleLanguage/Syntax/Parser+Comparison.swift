import SourceDiagnostics

extension Parser {
  static let comparisons: [Token.Symbol: BinaryOperator] = [
    .equal: .equal, .assign: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
    .greater: .greater, .greaterEqual: .greaterEqual,
  ]

  /// `a < b`, `a in b`, `a not in b`, `a between lo and hi`; comparisons do not chain.
  mutating func parseComparison() -> ExprNode {
    let left = parseAdditive()
    guard let node = parseComparisonTail(left) else { return left }
    if isComparisonStart {
      error(current, "comparisons cannot be chained", help: "join two comparisons with 'and'")
      _ = advance()
      _ = parseAdditive()
    }
    return node
  }

  var isComparisonStart: Bool {
    if case .symbol(let s) = current.kind, Parser.comparisons[s] != nil { return true }
    return at(.in) || at(.between) || (at(.not) && peekKind() == .keyword(.in))
  }

  mutating func parseComparisonTail(_ left: ExprNode) -> ExprNode? {
    if case .symbol(let s) = current.kind, let op = Parser.comparisons[s] {
      let token = advance()
      let right = operand(after: token) { $0.parseAdditive() }
      return make(.binary(op, left, right), left.span.union(right.span))
    }
    if at(.in) || (at(.not) && peekKind() == .keyword(.in)) {
      let negated = at(.not)
      if negated { _ = advance() }
      let token = advance()
      let right = operand(after: token) { $0.parseAdditive() }
      return make(.membership(left, right, negated: negated), left.span.union(right.span))
    }
    if at(.between) {
      let token = advance()
      let low = operand(after: token) { $0.parseAdditive() }
      guard at(.and) else {
        if current.kind == .end {
          error(token, "missing 'and' in 'between'", help: "write 'x between 10 and 25'")
        } else {
          error(current, "expected 'and' in 'between', found \(current.quoted)", help: "write 'x between 10 and 25'")
        }
        return make(.between(left, low, make(.invalid, low.span)), left.span.union(low.span))
      }
      let and = advance()
      let high = operand(after: and) { $0.parseAdditive() }
      return make(.between(left, low, high), left.span.union(high.span))
    }
    return nil
  }

  // MARK: Arithmetic

  mutating func parseAdditive() -> ExprNode {
    var left = parseMultiplicative()
    var links = 0
    defer { depth -= links }
    while at(.plus) || at(.minus), enterLink(&links) {
      let op = advance()
      let right = operand(after: op) { $0.parseMultiplicative() }
      left = make(.binary(op.text == "+" ? .add : .subtract, left, right), left.span.union(right.span))
    }
    return left
  }

  mutating func parseMultiplicative() -> ExprNode {
    var left = parseUnary()
    var links = 0
    defer { depth -= links }
    while at(.star) || at(.slash), enterLink(&links) {
      let op = advance()
      let right = operand(after: op) { $0.parseUnary() }
      left = make(.binary(op.text == "*" ? .multiply : .divide, left, right), left.span.union(right.span))
    }
    return left
  }

  mutating func parseUnary() -> ExprNode {
    guard at(.minus) else { return parsePostfix() }
    let op = advance()
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.maximumDepth { return parseExpression() }
    let operand = self.operand(after: op) { $0.parseUnary() }
    return make(.unary(.negate, operand), span(op).union(operand.span))
  }

  /// `list.count()`, `date.weekday()`: a method call is the function with the receiver first.
  mutating func parsePostfix() -> ExprNode {
    var node = parsePrimary()
    var links = 0
    defer { depth -= links }
    while at(.dot), peekKind() == .identifier, enterLink(&links) {
      _ = advance()
      let name = advance()
      guard at(.leftParen) else {
        error(name, "expected '(' after '.\(name.text)'", help: "write '.\(name.text)()' to call a function")
        return node
      }
      let (arguments, end) = parseArguments(open: advance(), closing: .rightParen)
      node = make(.call(name.text, nameSpan: span(name), [node] + arguments), node.span.union(end))
    }
    return node
  }

  /// Comma-separated expressions up to the closing bracket; returns them and the span of the
  /// last token read.
  mutating func parseArguments(open: Token, closing: Token.Symbol) -> ([ExprNode], SourceSpan) {
    var items: [ExprNode] = []
    if at(closing) { return (items, span(advance())) }
    while true {
      if !startsOperand(current) && current.kind != .end {
        error(current, "expected an expression, found \(current.quoted)", help: nil)
        recover()
      } else {
        items.append(parseArgument())
      }
      if at(.comma) {
        _ = advance()
        continue
      }
      if at(closing) { return (items, span(advance())) }
      if current.kind == .end {
        error(open, "unclosed '\(open.text)'", help: "add '\(closing.rawValue)'")
        return (items, span(previous))
      }
      error(current, "expected ',' or '\(closing.rawValue)', found \(current.quoted)", help: nil)
      recover()
      if at(closing) { return (items, span(advance())) }
      // The end, or the closer of another bracket (`[)`): leave it to the caller, which
      // reports it, rather than looping here without moving on.
      if !at(.comma) { return (items, span(previous)) }
    }
  }

  /// An argument, which may be a lambda `x -> condition`.
  mutating func parseArgument() -> ExprNode {
    if current.kind == .identifier, peekKind() == .symbol(.arrow) {
      let name = advance()
      let arrow = advance()
      let body = operand(after: arrow) { $0.parseExpression() }
      return make(.lambda(name.text, nameSpan: span(name), body), span(name).union(body.span))
    }
    return parseExpression()
  }
}
