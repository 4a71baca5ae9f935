import SourceDiagnostics

/// The outcome of parsing: a tree (with `invalid` nodes where input was bad) and diagnostics.
public struct ParseResult: Sendable {
  /// The tree, or `nil` when nothing could be read.
  public var node: ExprNode?
  public var diagnostics: [Diagnostic]
  /// The first node id not used, for numbering the next expression.
  public var nextNodeID: Int
}

/// A recursive-descent parser that never throws: it reports problems as diagnostics and recovers
/// at `)`, `,`, `]` and the end.
///
/// Precedence, loosest first: `or` (`||`), `and` (`&&`), `not` (`!`), comparison
/// (`==` `=` `!=` `<` `<=` `>` `>=` `in` `not in` `between … and …`), `+ -`, `* /`,
/// unary minus, call and `.method()`.
public struct Parser {
  let source: EmbeddedSource
  var tokens: [Token]
  var index = 0
  var nextID: Int
  var depth = 0
  /// Set once nesting went past `maximumDepth`: the rest is skipped and reports nothing more.
  var tooDeep = false
  var diagnostics: [Diagnostic]

  /// The deepest nesting accepted, so hostile input cannot exhaust the stack. Each operator
  /// of a chain (`a + b + c`, `a and b and c`) counts as a level too, as the tree nests
  /// to the left, so the checker, compiler and evaluator never recurse deeper than this.
  static let maximumDepth = 100

  init(_ source: EmbeddedSource, firstNodeID: Int) {
    self.source = source
    (tokens, diagnostics) = Lexer.tokenize(source)
    self.nextID = firstNodeID
  }

  /// Parses one expression; node ids start at `firstNodeID`.
  public static func parse(_ source: EmbeddedSource, firstNodeID: Int = 0) -> ParseResult {
    var parser = Parser(source, firstNodeID: firstNodeID)
    var node: ExprNode?
    if parser.current.kind == .end {
      parser.error(parser.current, "empty expression", help: "write a condition such as 'visitors <= 150'")
    } else {
      node = parser.parseExpression()
      if parser.current.kind != .end {
        let token = parser.current
        let message: String
        switch token.kind {
        case .symbol(.rightParen): message = "unmatched ')'"
        case .symbol(.rightBracket): message = "unmatched ']'"
        default: message = "unexpected \(token.quoted) after the expression"
        }
        parser.error(token, message, help: parser.strayHelp(token))
      }
    }
    return ParseResult(node: node, diagnostics: parser.diagnostics, nextNodeID: parser.nextID)
  }

  func strayHelp(_ token: Token) -> String? {
    switch token.kind {
    case .identifier, .number, .time, .date, .string, .money: "join conditions with 'and' or 'or'"
    case .symbol(.rightParen), .symbol(.rightBracket): "remove it or add the opening bracket"
    default: nil
    }
  }

  // MARK: Tokens

  var current: Token { tokens[index] }
  var previous: Token { tokens[max(0, index - 1)] }

  func peekKind(_ offset: Int = 1) -> Token.Kind {
    tokens[min(index + offset, tokens.count - 1)].kind
  }

  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  func at(_ symbol: Token.Symbol) -> Bool { current.kind == .symbol(symbol) }
  func at(_ keyword: Token.Keyword) -> Bool { current.kind == .keyword(keyword) }

  func span(_ token: Token) -> SourceSpan { source.span(token.start, token.end) }

  mutating func make(_ kind: ExprKind, _ span: SourceSpan) -> ExprNode {
    defer { nextID += 1 }
    return ExprNode(id: nextID, span: span, kind: kind)
  }

  mutating func error(_ token: Token, _ message: String, help: String? = nil) {
    guard token.kind != .invalid, !tooDeep else { return }  // the lexer has reported it, or nesting did
    diagnostics.append(.error("expr.syntax", message, at: span(token), help: help))
  }

  /// Skips to a token where parsing can resume: `,`, a closing bracket, or the end.
  mutating func recover() {
    var nesting = 0
    while current.kind != .end {
      switch current.kind {
      case .symbol(.leftParen), .symbol(.leftBracket): nesting += 1
      case .symbol(.rightParen), .symbol(.rightBracket):
        if nesting == 0 { return }
        nesting -= 1
      case .symbol(.comma) where nesting == 0: return
      default: break
      }
      _ = advance()
    }
  }

  // MARK: Logic

  mutating func parseExpression() -> ExprNode {
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.maximumDepth {
      reportTooDeep()
      return make(.invalid, span(current))
    }
    return parseOr()
  }

  /// Reports (once) that the expression nests too deeply and skips the rest of it.
  mutating func reportTooDeep() {
    if !tooDeep {
      error(current, "expression is nested too deeply", help: "split it into definitions")
      tooDeep = true
    }
    while current.kind != .end { _ = advance() }
  }

  /// Counts one more link of an operator chain as a level of nesting (undone by the caller
  /// through `links`); false, having reported it, when that is too deep.
  mutating func enterLink(_ links: inout Int) -> Bool {
    links += 1
    depth += 1
    guard depth > Parser.maximumDepth else { return true }
    reportTooDeep()
    return false
  }

  mutating func parseOr() -> ExprNode {
    var left = parseAnd()
    var links = 0
    defer { depth -= links }
    while at(.or) || at(.bars), enterLink(&links) {
      let op = advance()
      let right = operand(after: op) { $0.parseAnd() }
      left = make(.binary(.or, left, right), left.span.union(right.span))
    }
    return left
  }

  mutating func parseAnd() -> ExprNode {
    var left = parseNot()
    var links = 0
    defer { depth -= links }
    while at(.and) || at(.ampersands), enterLink(&links) {
      let op = advance()
      let right = operand(after: op) { $0.parseNot() }
      left = make(.binary(.and, left, right), left.span.union(right.span))
    }
    return left
  }

  mutating func parseNot() -> ExprNode {
    guard at(.not) || at(.bang) else { return parseComparison() }
    let op = advance()
    depth += 1
    defer { depth -= 1 }
    let operand = depth > Parser.maximumDepth ? parseExpression() : self.operand(after: op) { $0.parseNot() }
    return make(.unary(.not, operand), span(op).union(operand.span))
  }

  /// Parses an operand after an operator, or reports the operator as missing one.
  mutating func operand(after op: Token, _ parse: (inout Parser) -> ExprNode) -> ExprNode {
    if startsOperand(current) { return parse(&self) }
    if current.kind == .end || at(.comma) || at(.rightParen) || at(.rightBracket) {
      error(op, "missing operand after '\(op.text)'", help: "add a value or condition after '\(op.text)'")
    } else {
      error(current, "expected an operand after '\(op.text)', found \(current.quoted)", help: nil)
    }
    return make(.invalid, span(op))
  }

  func startsOperand(_ token: Token) -> Bool {
    switch token.kind {
    case .identifier, .number, .string, .time, .date, .money, .invalid: true
    case .keyword(let k): k == .not || k == .if || k == .true || k == .false
    case .symbol(let s): s == .leftParen || s == .leftBracket || s == .minus || s == .bang
    case .end: false
    }
  }
}
