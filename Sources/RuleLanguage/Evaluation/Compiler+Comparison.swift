extension Compiler {
  /// Comparisons, with a fast path for a fact compared with a constant (the common case in rules).
  mutating func compileComparison(_ op: BinaryOperator, _ left: CheckedExpr, _ right: CheckedExpr) -> CompiledNode {
    if !recording, case .fact(let slot, _) = left.kind, let constant = right.constantValue {
      if case .integer(let k) = constant, left.type == .integer {
        return Compiler.compareIntegerFact(op, slot, k)
      }
      return Compiler.compare(op, { frame in frame.fact(slot) }, { _ in constant })
    }
    return Compiler.compare(op, compile(left), compile(right))
  }

  /// `fact op k` for an integer fact: no closure calls for the operands.
  static func compareIntegerFact(_ op: BinaryOperator, _ slot: Int, _ k: Int64) -> CompiledNode {
    switch op {
    case .less: return { f in f.integerFact(slot).map { .bool($0 < k) } ?? .unknown }
    case .lessEqual: return { f in f.integerFact(slot).map { .bool($0 <= k) } ?? .unknown }
    case .greater: return { f in f.integerFact(slot).map { .bool($0 > k) } ?? .unknown }
    case .greaterEqual: return { f in f.integerFact(slot).map { .bool($0 >= k) } ?? .unknown }
    case .equal: return { f in f.integerFact(slot).map { .bool($0 == k) } ?? .unknown }
    default: return { f in f.integerFact(slot).map { .bool($0 != k) } ?? .unknown }
    }
  }

  static func compare(_ op: BinaryOperator, _ a: @escaping CompiledNode, _ b: @escaping CompiledNode) -> CompiledNode {
    switch op {
    case .equal: return { f in Value.equality(a(f), b(f)).value }
    case .notEqual: return { f in (!Value.equality(a(f), b(f))).value }
    case .less: return { f in Value.order(a(f), b(f)).map { .bool($0 < 0) } ?? .unknown }
    case .lessEqual: return { f in Value.order(a(f), b(f)).map { .bool($0 <= 0) } ?? .unknown }
    case .greater: return { f in Value.order(a(f), b(f)).map { .bool($0 > 0) } ?? .unknown }
    default: return { f in Value.order(a(f), b(f)).map { .bool($0 >= 0) } ?? .unknown }
    }
  }
}

extension CheckedExpr {
  /// The value of a constant or parameter node.
  public var constantValue: Value? {
    switch kind {
    case .constant(let v), .parameter(_, let v): v
    default: nil
    }
  }
}

extension EvalFrame {
  @inline(__always)
  func integerFact(_ slot: Int) -> Int64? {
    if slot < factCount, case .integer(let x) = facts[slot] { return x }
    return nil
  }
}
