import SourceDiagnostics

/// A type-checked expression: names resolved to slots, constants and definitions; every node
/// has its static type. Compile it with `Compiler.compile(_:in:)`.
public struct CheckedExpr: Sendable {
  /// The id of the parsed node it came from (traces are keyed by it).
  public var id: Int
  /// Where it is in the YAML file.
  public var span: SourceSpan
  /// Its static type.
  public var type: ValueType
  /// What it computes.
  public var kind: CheckedKind
  /// The parsed node, for printing.
  public var syntax: ExprNode

  /// The source form with normalised spacing.
  public var printed: String { ExprPrinter.print(syntax) }

  /// The direct children.
  public var children: [CheckedExpr] {
    switch kind {
    case .constant, .fact, .parameter, .definition, .local: []
    case .not(let x), .negate(let x): [x]
    case .and(let a, let b), .or(let a, let b), .arithmetic(_, let a, let b), .comparison(_, let a, let b),
      .membership(let a, let b, _):
      [a, b]
    case .between(let x, let lo, let hi): [x, lo, hi]
    case .list(let items): items
    case .conditional(let c, let a, let b): [c, a, b]
    case .call(_, let args): args
    case .quantifier(_, _, let list, let body): [list, body]
    }
  }
}

/// The resolved kinds of a checked expression.
public indirect enum CheckedKind: Sendable {
  /// A literal (or a folded negative literal).
  case constant(Value)
  /// A fact, read from its slot.
  case fact(slot: Int, name: String)
  /// A parameter: a constant with a name (kept for explanations and thresholds).
  case parameter(name: String, value: Value)
  /// A definition, evaluated once per fact vector into memo slot `index`.
  case definition(index: Int, name: String)
  /// The variable of a lambda (`x` in `any(list, x -> x > 3)`), in local slot `index`.
  case local(index: Int, name: String)
  /// Kleene negation.
  case not(CheckedExpr)
  /// Unary minus.
  case negate(CheckedExpr)
  /// Kleene conjunction.
  case and(CheckedExpr, CheckedExpr)
  /// Kleene disjunction.
  case or(CheckedExpr, CheckedExpr)
  /// `+ - * /` on the operand types.
  case arithmetic(BinaryOperator, CheckedExpr, CheckedExpr)
  /// `== != < <= > >=`.
  case comparison(BinaryOperator, CheckedExpr, CheckedExpr)
  /// `x in list` / `x not in list`.
  case membership(CheckedExpr, CheckedExpr, negated: Bool)
  /// `x between low and high`, bounds included.
  case between(CheckedExpr, CheckedExpr, CheckedExpr)
  /// A list literal.
  case list([CheckedExpr])
  /// `if c then a else b`.
  case conditional(CheckedExpr, CheckedExpr, CheckedExpr)
  /// A builtin function call.
  case call(Builtin, [CheckedExpr])
  /// `any(list, x -> body)` (`all: false`) or `all(list, x -> body)`; `x` is local slot `local`.
  case quantifier(all: Bool, local: Int, CheckedExpr, CheckedExpr)
}
