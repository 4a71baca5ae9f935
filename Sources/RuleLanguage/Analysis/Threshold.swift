import SourceDiagnostics

/// A comparison of a fact with a constant, as the room-to-manoeuvre search and the linter use
/// it: `visitors <= 150` gives `(visitors, <=, 150)`.
public struct Threshold: Sendable {
  /// The slot of the fact.
  public var slot: Int
  /// The comparison with the fact on the left (`150 >= visitors` becomes `visitors <= 150`);
  /// `in` lists give one `==` (or `!=` for `not in`) per candidate.
  public var comparison: BinaryOperator
  /// The constant or parameter value.
  public var value: Value
  /// The parameter the value came from (`max_visitors`), if it was one.
  public var parameter: String?
  /// The comparison in the file.
  public var span: SourceSpan
  /// False when the compared side is a definition or arithmetic over facts rather than the fact
  /// itself: the fact's threshold is then only approximately `value`.
  public var exact: Bool
  /// The compared side as written (the fact, or the arithmetic or definition over facts), with
  /// `comparison` read as `compared OP value`: evaluate it to see which side a case is on.
  public var compared: CheckedExpr
}

extension Environment {
  /// Every comparison in `expression` (and the definitions it uses) of a fact with a constant
  /// or parameter, including `between` bounds and `in` candidates.
  ///
  /// - Complexity: O(*n*) in the size of the expression and its definitions.
  public func thresholds(in expression: CheckedExpr) -> [Threshold] {
    var result: [Threshold] = []
    var visited = Set<Int>()
    collectThresholds(expression, into: &result, visited: &visited)
    return result
  }

  func collectThresholds(_ x: CheckedExpr, into result: inout [Threshold], visited: inout Set<Int>) {
    switch x.kind {
    case .comparison(let op, let left, let right):
      if let value = right.constantValue {
        add(left, op, value, right.parameterName, x.span, into: &result)
      } else if let value = left.constantValue {
        add(right, op.flipped, value, left.parameterName, x.span, into: &result)
      }
    case .between(let value, let low, let high):
      if let lo = low.constantValue { add(value, .greaterEqual, lo, low.parameterName, x.span, into: &result) }
      if let hi = high.constantValue { add(value, .lessEqual, hi, high.parameterName, x.span, into: &result) }
    case .membership(let value, let list, let negated):
      let candidates: [Value]
      switch (list.kind, list.constantValue) {
      case (.list(let items), _): candidates = items.compactMap(\.constantValue)
      case (_, .list(let items)?): candidates = items
      default: candidates = []
      }
      for candidate in candidates { add(value, negated ? .notEqual : .equal, candidate, list.parameterName, x.span, into: &result) }
    case .definition(let index, _):
      if visited.insert(index).inserted, let body = definitions[index].checked {
        collectThresholds(body, into: &result, visited: &visited)
      }
      return
    default:
      break
    }
    for child in x.children { collectThresholds(child, into: &result, visited: &visited) }
  }

  func add(
    _ side: CheckedExpr, _ op: BinaryOperator, _ value: Value, _ parameter: String?, _ span: SourceSpan,
    into result: inout [Threshold]
  ) {
    if case .fact(let slot, _) = side.kind {
      result.append(Threshold(slot: slot, comparison: op, value: value, parameter: parameter, span: span, exact: true, compared: side))
      return
    }
    for slot in freeFacts(of: side) {
      result.append(Threshold(slot: slot, comparison: op, value: value, parameter: parameter, span: span, exact: false, compared: side))
    }
  }
}

extension CheckedExpr {
  /// The name of a parameter node.
  public var parameterName: String? {
    if case .parameter(let name, _) = kind { return name }
    return nil
  }
}

/// A comparison of two facts (`panel_edge_distance >= panel_height`): a threshold for each
/// side that the other side's value sets, initiative by initiative.
public struct FactRelation: Sendable {
  /// The slot of the fact on the left, as written with `comparison`.
  public var slot: Int
  public var comparison: BinaryOperator
  /// The slot of the fact on the other side.
  public var other: Int
}

extension Environment {
  /// Every comparison in `expression` (and the definitions it uses) of one fact with another,
  /// once from each side (`a >= b` gives `a >= b` and `b <= a`).
  ///
  /// - Complexity: O(*n*) in the size of the expression and its definitions.
  public func factRelations(in expression: CheckedExpr) -> [FactRelation] {
    var result: [FactRelation] = []
    var visited = Set<Int>()
    collectRelations(expression, into: &result, visited: &visited)
    return result
  }

  func collectRelations(_ x: CheckedExpr, into result: inout [FactRelation], visited: inout Set<Int>) {
    switch x.kind {
    case .comparison(let op, let left, let right):
      if case .fact(let a, _) = left.kind, case .fact(let b, _) = right.kind, a != b {
        result.append(FactRelation(slot: a, comparison: op, other: b))
        result.append(FactRelation(slot: b, comparison: op.flipped, other: a))
      }
    case .definition(let index, _):
      if visited.insert(index).inserted, let body = definitions[index].checked {
        collectRelations(body, into: &result, visited: &visited)
      }
      return
    default:
      break
    }
    for child in x.children { collectRelations(child, into: &result, visited: &visited) }
  }
}
