import SourceDiagnostics

extension Checker {
  mutating func checkCall(_ name: String, nameSpan: SourceSpan, _ arguments: [ExprNode], _ syntax: ExprNode) -> CheckedExpr? {
    guard let builtin = environment.builtins[name] else {
      let help = Suggestions.didYouMean(name, in: environment.builtins.names)
        ?? "the functions are \(environment.builtins.names.joined(separator: ", "))"
      error("expr.unknown-function", "unknown function '\(name)'", at: nameSpan, help: help)
      for argument in arguments { _ = check(argument, expected: nil) }
      return nil
    }
    if (name == "any" || name == "all"), arguments.count == 2, case .lambda(let variable, _, let body) = arguments[1].kind {
      return checkQuantifier(all: name == "all", arguments[0], variable, body, syntax)
    }
    guard builtin.arity.contains(arguments.count) else {
      let expected = builtin.arity.count == 1
        ? "\(builtin.arity.lowerBound) argument\(builtin.arity.lowerBound == 1 ? "" : "s")"
        : "\(builtin.arity.lowerBound) to \(builtin.arity.upperBound) arguments"
      error("expr.arity", "'\(name)' takes \(expected), found \(arguments.count)", at: syntax.span,
        help: builtin.summary)
      return nil
    }
    var checked: [CheckedExpr] = []
    for argument in arguments {
      // A bare enumeration case takes its type from the first argument: `contains(list, markt)`.
      let hint = isUnresolvedName(argument) ? checked.first.map { $0.type.elementType ?? $0.type } : nil
      guard let x = check(argument, expected: hint) else { return nil }
      checked.append(x)
    }
    switch builtin.typing(checked.map(\.type)) {
    case .result(let type):
      return node(syntax, type, .call(builtin, checked))
    case .badArgument(let index, let expected):
      error("expr.type-mismatch", "'\(name)' expects \(expected) here, found '\(checked[index].type)'", at: checked[index].span,
        help: builtin.summary)
      return nil
    }
  }

  /// `any(list, x -> body)` and `all(list, x -> body)`: `x` is bound to each element.
  mutating func checkQuantifier(all: Bool, _ list: ExprNode, _ variable: String, _ body: ExprNode, _ syntax: ExprNode) -> CheckedExpr? {
    guard let checkedList = check(list, expected: nil) else { return nil }
    guard let element = checkedList.type.elementType else {
      error("expr.type-mismatch", "'\(all ? "all" : "any")' needs a list, found '\(checkedList.type)'", at: checkedList.span)
      return nil
    }
    let slot = environment.localCount
    environment.localCount += 1
    locals.append((variable, element, slot))
    defer { locals.removeLast() }
    guard let checkedBody = checkCondition(body, of: all ? "all" : "any") else { return nil }
    return node(syntax, .bool, .quantifier(all: all, local: slot, checkedList, checkedBody))
  }
}
