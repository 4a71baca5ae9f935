import SourceDiagnostics

extension Checker {
  /// Whether a node is a bare name that no symbol resolves (it may be an enumeration case).
  func isUnresolvedName(_ syntax: ExprNode) -> Bool {
    guard case .name(let name) = syntax.kind else { return false }
    return environment.symbolsByName[name] == nil && !locals.contains { $0.name == name }
  }

  /// Checks two operands; a bare enumeration case on either side takes the other side's type.
  mutating func checkPair(_ a: ExprNode, _ b: ExprNode, rightExpected: (ValueType) -> ValueType? = { $0 }) -> (CheckedExpr, CheckedExpr)? {
    if isUnresolvedName(a) && !isUnresolvedName(b) {
      let right = check(b, expected: nil)
      let left = check(a, expected: right.map { $0.type.elementType ?? $0.type })
      guard let left, let right else { return nil }
      return (left, right)
    }
    let left = check(a, expected: nil)
    let right = check(b, expected: left.flatMap { rightExpected($0.type) })
    guard let left, let right else { return nil }
    return (left, right)
  }

  mutating func checkComparison(_ op: BinaryOperator, _ a: ExprNode, _ b: ExprNode, _ syntax: ExprNode) -> CheckedExpr? {
    guard let (left, right) = checkPair(a, b) else { return nil }
    guard comparable(left, right) else { return nil }
    if op != .equal && op != .notEqual && !left.type.isOrdered {
      error("expr.type-mismatch", "'\(op.rawValue)' needs ordered values, but '\(left.type)' has no order", at: left.span,
        help: "use '==', '!=' or 'in'")
      return nil
    }
    return node(syntax, .bool, .comparison(op, left, right))
  }

  /// Reports a type or unit mismatch at `right` unless the two can be compared.
  mutating func comparable(_ left: CheckedExpr, _ right: CheckedExpr) -> Bool {
    switch (left.type, right.type) {
    case (.quantity(let u), .quantity(let v)) where u != v:
      error("expr.unit-mismatch", "cannot compare '\(u.symbol)' with '\(v.symbol)'", at: right.span,
        help: "write the value in \(u.symbol), e.g. '25 \(u.symbol)'")
      return false
    case (.quantity(let u), let other) where other.isNumber:
      error("expr.unit-mismatch", "'\(right.printed)' has no unit, but '\(left.printed)' is in '\(u.symbol)'", at: right.span,
        help: "write '\(right.printed) \(u.symbol)'")
      return false
    case (let other, .quantity(let u)) where other.isNumber:
      error("expr.unit-mismatch", "'\(left.printed)' has no unit, but '\(right.printed)' is in '\(u.symbol)'", at: left.span,
        help: "write '\(left.printed) \(u.symbol)'")
      return false
    default:
      if ValueType.common(left.type, right.type) != nil { return true }
      error("expr.type-mismatch", "cannot compare '\(left.type)' with '\(right.type)'", at: right.span,
        help: exampleHelp(left.type))
      return false
    }
  }

  func exampleHelp(_ type: ValueType) -> String? {
    guard let example = example(of: type) else { return nil }
    return "write a \(type) such as '\(example)'"
  }

  func example(of type: ValueType) -> String? {
    switch type {
    case .bool: "true"
    case .integer: "150"
    case .decimal: "1.5"
    case .text: "'tekst'"
    case .enumeration(let name): environment.enumeration(named: name)?.cases.first
    case .date: "2026-07-04"
    case .time: "23:00"
    case .duration: "3 dagen"
    case .workingDays: "10 werkdagen"
    case .money: "€ 2500"
    case .quantity(let unit): "25 \(unit.symbol)"
    case .list(let element): example(of: element).map { "[\($0)]" }
    }
  }

  mutating func checkArithmetic(_ op: BinaryOperator, _ a: ExprNode, _ b: ExprNode, _ syntax: ExprNode) -> CheckedExpr? {
    let left = check(a, expected: nil)
    let right = check(b, expected: nil)
    guard let left, let right else { return nil }
    if let type = Arithmetic.resultType(op, left.type, right.type) {
      return node(syntax, type, .arithmetic(op, left, right))
    }
    if op == .add || op == .subtract {
      switch (left.type, right.type) {
      case (.quantity(let u), .quantity(let v)):
        error("expr.unit-mismatch", "cannot \(op == .add ? "add" : "subtract") '\(v.symbol)' and '\(u.symbol)'", at: right.span,
          help: "write the value in \(u.symbol)")
        return nil
      case (.quantity(let u), let n) where n.isNumber:
        error("expr.unit-mismatch", "'\(right.printed)' has no unit, but '\(left.printed)' is in '\(u.symbol)'", at: right.span,
          help: "write '\(right.printed) \(u.symbol)'")
        return nil
      default: break
      }
    }
    error("expr.type-mismatch", "cannot apply '\(op.rawValue)' to '\(left.type)' and '\(right.type)'", at: right.span,
      help: Arithmetic.help(op, left.type))
    return nil
  }

  mutating func checkMembership(_ x: ExprNode, _ list: ExprNode, negated: Bool, _ syntax: ExprNode) -> CheckedExpr? {
    guard let (left, right) = checkPair(x, list, rightExpected: { .list($0) }) else { return nil }
    guard case .list(let element) = right.type else {
      error("expr.type-mismatch", "'in' needs a list, found '\(right.type)'", at: right.span,
        help: "write a list such as '[a, b]'")
      return nil
    }
    if case .list(let items) = right.kind {
      for item in items where !comparable(left, item) { return nil }
    } else if ValueType.common(left.type, element) == nil {
      error("expr.type-mismatch", "cannot look for '\(left.type)' in a '\(right.type)'", at: left.span)
      return nil
    }
    return node(syntax, .bool, .membership(left, right, negated: negated))
  }

  mutating func checkBetween(_ x: ExprNode, _ low: ExprNode, _ high: ExprNode, _ syntax: ExprNode) -> CheckedExpr? {
    guard let value = check(x, expected: nil) else { return nil }
    let lower = check(low, expected: value.type)
    let upper = check(high, expected: value.type)
    guard let lower, let upper else { return nil }
    guard value.type.isOrdered else {
      error("expr.type-mismatch", "'between' needs ordered values, but '\(value.type)' has no order", at: value.span,
        help: "use 'in [a, b]' for a set of values")
      return nil
    }
    guard comparable(value, lower), comparable(value, upper) else { return nil }
    return node(syntax, .bool, .between(value, lower, upper))
  }

  mutating func checkList(_ items: [ExprNode], _ syntax: ExprNode, element expected: ValueType?) -> CheckedExpr? {
    var checked: [CheckedExpr] = []
    var element = expected
    var failed = false
    for item in items {
      guard let x = check(item, expected: element) else {
        failed = true
        continue
      }
      if let current = element {
        guard let common = ValueType.common(current, x.type) else {
          if case .quantity = x.type, case .quantity = current {
            error("expr.unit-mismatch", "expected '\(current)' in the list, found '\(x.type)'", at: x.span)
          } else {
            error("expr.type-mismatch", "expected '\(current)' in the list, found '\(x.type)'", at: x.span,
              help: "all values in a list have one type")
          }
          failed = true
          continue
        }
        element = common
      } else {
        element = x.type
      }
      checked.append(x)
    }
    if failed { return nil }
    guard let element else {
      error("expr.type-mismatch", "cannot tell the type of an empty list", at: syntax.span, help: "leave out the condition")
      return nil
    }
    return node(syntax, .list(element), .list(checked))
  }
}
