import SourceDiagnostics

extension Environment {
  /// Parses and checks a condition: an expression that must be `bool`.
  public mutating func checkCondition(_ source: EmbeddedSource) -> (CheckedExpr?, [Diagnostic]) {
    checkExpression(source, requiring: .bool)
  }

  /// Parses and checks an expression; with `requiring`, its type must be that type.
  public mutating func checkExpression(_ source: EmbeddedSource, requiring required: ValueType? = nil) -> (CheckedExpr?, [Diagnostic]) {
    let parsed = Parser.parse(source, firstNodeID: nextNodeID)
    nextNodeID = parsed.nextNodeID
    var diagnostics = takePendingDiagnostics() + parsed.diagnostics
    guard let node = parsed.node, parsed.diagnostics.isEmpty else { return (nil, diagnostics) }
    var checker = Checker(environment: self)
    let checked = checker.check(node, expected: required)
    var result = checked
    if let checked, let required, ValueType.common(checked.type, required) != required {
      result = nil
      checker.diagnostics.append(Checker.wrongResultType(checked, required: required))
    }
    self = checker.environment
    diagnostics += checker.diagnostics
    return (diagnostics.hasErrors ? nil : result, diagnostics)
  }

  /// Checks every definition not yet checked, in dependency order, reporting cycles.
  public mutating func checkDefinitions() -> [Diagnostic] {
    var diagnostics = takePendingDiagnostics()
    for fact in facts {
      if case .enumeration(let name) = fact.type.elementType ?? fact.type, enumeration(named: name) == nil {
        diagnostics.append(
          .error("expr.unknown-enumeration", "fact '\(fact.name)' has unknown enumeration '\(name)'", at: fact.span,
            help: Suggestions.didYouMean(name, in: enumerations.map(\.name))))
      }
    }
    for index in definitions.indices where definitions[index].state == .unchecked {
      var checker = Checker(environment: self)
      _ = checker.checkDefinition(index, referencedAt: nil)
      self = checker.environment
      diagnostics += checker.diagnostics
    }
    return diagnostics
  }

  mutating func takePendingDiagnostics() -> [Diagnostic] {
    defer { pendingDiagnostics = [] }
    return pendingDiagnostics
  }
}

/// Resolves names and checks types of a parsed expression against an `Environment`.
///
/// Each check returns `nil` after reporting an error, so one mistake is reported once.
struct Checker {
  var environment: Environment
  var diagnostics: [Diagnostic] = []
  /// Lambda variables in scope, innermost last.
  var locals: [(name: String, type: ValueType, slot: Int)] = []

  init(environment: Environment) {
    self.environment = environment
  }

  mutating func error(_ code: String, _ message: String, at span: SourceSpan, help: String? = nil, notes: [DiagnosticNote] = []) {
    diagnostics.append(.error(code, message, at: span, notes: notes, help: help))
  }

  func node(_ syntax: ExprNode, _ type: ValueType, _ kind: CheckedKind) -> CheckedExpr {
    CheckedExpr(id: syntax.id, span: syntax.span, type: type, kind: kind, syntax: syntax)
  }

  /// Checks a node; `expected` resolves bare enumeration cases and empty lists.
  mutating func check(_ syntax: ExprNode, expected: ValueType?) -> CheckedExpr? {
    switch syntax.kind {
    case .invalid:
      return nil
    case .literal(let value):
      return node(syntax, value.valueType ?? .bool, .constant(value))
    case .name(let name):
      return checkName(name, syntax, expected: expected)
    case .unary(.not, let operand):
      guard let x = checkCondition(operand, of: "not") else { return nil }
      return node(syntax, .bool, .not(x))
    case .unary(.negate, let operand):
      return checkNegate(operand, syntax)
    case .binary(let op, let a, let b):
      switch op {
      case .and, .or:
        let left = checkCondition(a, of: op.rawValue)
        let right = checkCondition(b, of: op.rawValue)
        guard let left, let right else { return nil }
        return node(syntax, .bool, op == .and ? .and(left, right) : .or(left, right))
      case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
        return checkComparison(op, a, b, syntax)
      case .add, .subtract, .multiply, .divide:
        return checkArithmetic(op, a, b, syntax)
      }
    case .membership(let x, let list, let negated):
      return checkMembership(x, list, negated: negated, syntax)
    case .between(let x, let low, let high):
      return checkBetween(x, low, high, syntax)
    case .list(let items):
      return checkList(items, syntax, element: expected?.elementType)
    case .conditional(let c, let a, let b):
      return checkConditional(c, a, b, syntax, expected: expected)
    case .call(let name, let nameSpan, let arguments):
      return checkCall(name, nameSpan: nameSpan, arguments, syntax)
    case .lambda:
      error("expr.syntax", "a lambda 'x -> …' is only allowed as the last argument of 'any' or 'all'", at: syntax.span,
        help: "write 'any(list, x -> x > 3)'")
      return nil
    }
  }

  /// An operand of `and`, `or`, `not` or `if`: must be `bool`.
  mutating func checkCondition(_ syntax: ExprNode, of construct: String) -> CheckedExpr? {
    guard let x = check(syntax, expected: .bool) else { return nil }
    guard x.type == .bool else {
      error("expr.type-mismatch", "operand of '\(construct)' must be 'bool', found '\(x.type)'", at: x.span,
        help: Checker.comparisonHint(x))
      return nil
    }
    return x
  }

  static func comparisonHint(_ x: CheckedExpr) -> String {
    let example: String
    switch x.type {
    case .integer, .decimal: example = "\(x.printed) > 150"
    case .time: example = "\(x.printed) <= 23:00"
    case .date: example = "\(x.printed) >= 2026-07-01"
    case .enumeration: example = "\(x.printed) == <value>"
    default: example = "\(x.printed) == <value>"
    }
    return "compare it with something, e.g. '\(example)'"
  }

  static func wrongResultType(_ x: CheckedExpr, required: ValueType) -> Diagnostic {
    if required == .bool {
      return .error("expr.type-mismatch", "condition must be 'bool', found '\(x.type)'", at: x.span, help: comparisonHint(x))
    }
    return .error("expr.type-mismatch", "expression must be '\(required)', found '\(x.type)'", at: x.span)
  }

  mutating func checkNegate(_ operand: ExprNode, _ syntax: ExprNode) -> CheckedExpr? {
    guard let x = check(operand, expected: nil) else { return nil }
    switch x.type {
    case .integer, .decimal, .money, .duration, .quantity, .workingDays: break
    default:
      error("expr.type-mismatch", "cannot negate '\(x.type)'", at: x.span, help: "'-' applies to numbers, amounts, durations and quantities")
      return nil
    }
    if case .constant(let value) = x.kind, let negated = Arithmetic.negate(value) as Value?, !negated.isUnknown {
      return node(syntax, x.type, .constant(negated))
    }
    return node(syntax, x.type, .negate(x))
  }

  mutating func checkConditional(_ c: ExprNode, _ a: ExprNode, _ b: ExprNode, _ syntax: ExprNode, expected: ValueType?) -> CheckedExpr? {
    let condition = checkCondition(c, of: "if")
    guard let then = check(a, expected: expected) else { return nil }
    guard let otherwise = check(b, expected: expected ?? then.type), let condition else { return nil }
    guard let type = ValueType.common(then.type, otherwise.type) else {
      error("expr.type-mismatch", "'else' gives '\(otherwise.type)' but 'then' gives '\(then.type)'", at: otherwise.span,
        help: "both branches must have the same type")
      return nil
    }
    return node(syntax, type, .conditional(condition, then, otherwise))
  }
}
