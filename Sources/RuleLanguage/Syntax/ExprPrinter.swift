/// Prints a parsed expression back as source with normalised spacing and only the
/// parentheses that precedence needs; used in explanations.
public enum ExprPrinter {
  /// The source form of `node`: `visitors <= 150 and end <= 23:00`.
  public static func print(_ node: ExprNode) -> String {
    print(node, context: 0)
  }

  /// Precedence of a node's outermost operator (higher binds tighter).
  static func precedence(_ node: ExprNode) -> Int {
    switch node.kind {
    case .binary(let op, _, _): op.precedence
    case .unary(.not, _): 3
    case .membership, .between: 4
    case .unary(.negate, _): 7
    case .conditional, .lambda: 0
    default: 8
    }
  }

  static func print(_ node: ExprNode, context: Int) -> String {
    let text = printBare(node)
    return precedence(node) < context ? "(\(text))" : text
  }

  static func printBare(_ node: ExprNode) -> String {
    switch node.kind {
    case .literal(let value): return value.description
    case .name(let name): return name
    case .unary(.not, let x): return "not " + print(x, context: 3)
    case .unary(.negate, let x): return "-" + print(x, context: 7)
    case .binary(let op, let a, let b):
      let p = op.precedence
      // Left-associative; comparisons do not chain, so both sides need tighter operands.
      let leftContext = op.isComparison ? p + 1 : p
      return "\(print(a, context: leftContext)) \(op.rawValue) \(print(b, context: p + 1))"
    case .membership(let x, let list, let negated):
      return "\(print(x, context: 5)) \(negated ? "not in" : "in") \(print(list, context: 5))"
    case .between(let x, let lo, let hi):
      return "\(print(x, context: 5)) between \(print(lo, context: 5)) and \(print(hi, context: 5))"
    case .list(let items): return "[" + items.map { print($0) }.joined(separator: ", ") + "]"
    case .conditional(let c, let a, let b):
      return "if \(print(c)) then \(print(a)) else \(print(b))"
    case .call(let name, _, let args): return name + "(" + args.map { print($0) }.joined(separator: ", ") + ")"
    case .lambda(let name, _, let body): return "\(name) -> \(print(body))"
    case .invalid: return "<invalid>"
    }
  }
}
