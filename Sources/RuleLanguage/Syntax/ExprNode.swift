import SourceDiagnostics

/// A node of a parsed expression: its kind, where it is in the file, and an id that is unique
/// within an `Environment` (traces record values by node id).
public struct ExprNode: Sendable {
  /// Unique within the environment that parsed it.
  public var id: Int
  /// Where the node is in the YAML file.
  public var span: SourceSpan
  /// What the node is.
  public var kind: ExprKind

  /// A node; the parser numbers nodes from its first id.
  public init(id: Int, span: SourceSpan, kind: ExprKind) {
    self.id = id
    self.span = span
    self.kind = kind
  }

  /// The direct children in source order.
  public var children: [ExprNode] {
    switch kind {
    case .literal, .name, .invalid: []
    case .unary(_, let x): [x]
    case .binary(_, let a, let b): [a, b]
    case .membership(let a, let b, _): [a, b]
    case .between(let x, let lo, let hi): [x, lo, hi]
    case .list(let items): items
    case .conditional(let c, let a, let b): [c, a, b]
    case .call(_, _, let args): args
    case .lambda(_, _, let body): [body]
    }
  }
}

/// The kinds of expression.
public indirect enum ExprKind: Sendable {
  /// A literal: `150`, `1.5`, `23:00`, `2026-07-04`, `'text'`, `€ 2500`, `25 m2`, `3 dagen`, `true`.
  case literal(Value)
  /// A bare name: a fact, parameter, definition, or an enumeration case.
  case name(String)
  /// `not x` or `-x`.
  case unary(UnaryOperator, ExprNode)
  /// `a op b` for logic, comparison and arithmetic.
  case binary(BinaryOperator, ExprNode, ExprNode)
  /// `x in list` or `x not in list`.
  case membership(ExprNode, ExprNode, negated: Bool)
  /// `x between low and high` (both bounds inclusive).
  case between(ExprNode, ExprNode, ExprNode)
  /// `[a, b, c]`.
  case list([ExprNode])
  /// `if c then a else b`.
  case conditional(ExprNode, ExprNode, ExprNode)
  /// `name(arguments)`; `list.count()` is read as `count(list)`.
  case call(String, nameSpan: SourceSpan, [ExprNode])
  /// `x -> condition`, only as an argument of `any` and `all`.
  case lambda(String, nameSpan: SourceSpan, ExprNode)
  /// What is left of a syntax error (a diagnostic was emitted).
  case invalid
}

/// `not` and unary minus.
public enum UnaryOperator: String, Sendable {
  case not
  case negate = "-"
}

/// Binary operators, from logic to arithmetic.
public enum BinaryOperator: String, Sendable, CaseIterable {
  case or, and
  case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
  case add = "+", subtract = "-", multiply = "*", divide = "/"

  /// Binding strength: higher binds tighter.
  var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 4
    case .add, .subtract: 5
    case .multiply, .divide: 6
    }
  }

  /// Whether the operator compares two values.
  public var isComparison: Bool { precedence == 4 }

  /// The comparison with its operands swapped (`a < b` is `b > a`).
  public var flipped: BinaryOperator {
    switch self {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    default: self
    }
  }
}
