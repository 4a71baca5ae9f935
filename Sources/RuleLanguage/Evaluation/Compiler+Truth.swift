/// A compiled condition: returns a one-byte `Truth` instead of a `Value`, which keeps the hot
/// path of `and`/`or`/comparisons free of value copies.
typealias CompiledCondition = @Sendable (EvalFrame) -> Truth

extension Compiler {
  /// Compiles a `bool` expression to a truth-returning closure (fast path, no recording).
  mutating func compileTruth(_ x: CheckedExpr) -> CompiledCondition {
    switch x.kind {
    case .and:
      let operands = x.flattened(and: true).map { compileTruth($0) }
      if operands.count == 2 {
        let (a, b) = (operands[0], operands[1])
        return { f in
          let p = a(f)
          return p == .false ? .false : p && b(f)
        }
      }
      return { f in
        var result = Truth.true
        for operand in operands {
          let t = operand(f)
          if t == .false { return .false }
          result = result && t
        }
        return result
      }
    case .or:
      let operands = x.flattened(and: false).map { compileTruth($0) }
      if operands.count == 2 {
        let (a, b) = (operands[0], operands[1])
        return { f in
          let p = a(f)
          return p == .true ? .true : p || b(f)
        }
      }
      return { f in
        var result = Truth.false
        for operand in operands {
          let t = operand(f)
          if t == .true { return .true }
          result = result || t
        }
        return result
      }
    case .not(let operand):
      let a = compileTruth(operand)
      return { f in !a(f) }
    case .fact(let slot, _):
      return { f in
        if slot < f.factCount, case .bool(let b) = f.facts[slot] { return b ? .true : .false }
        return .unknown
      }
    case .comparison(let op, let left, let right):
      if case .fact(let slot, _) = left.kind, let constant = right.constantValue, Compiler.isExactKind(left.type, constant) {
        return Compiler.factComparison(op, slot, constant)
      }
      let node = compileComparison(op, left, right)
      return { f in node(f).truth }
    case .membership(let value, let list, let negated):
      if case .fact(let slot, _) = value.kind, case .list(let items)? = list.constantValue ?? list.constantListValue,
        items.allSatisfy({ if case .enumCase = $0 { true } else { false } })
      {
        let names = items.map { if case .enumCase(let s) = $0 { s } else { "" } }
        return { f in
          guard slot < f.factCount, case .enumCase(let s) = f.facts[slot] else { return .unknown }
          return names.contains(s) != negated ? .true : .false
        }
      }
      let node = compileBare(x)
      return { f in node(f).truth }
    default:
      let node = compileBare(x)
      return { f in node(f).truth }
    }
  }

  /// Whether a fact of `type` holds values of the same case as `constant` (no widening needed).
  static func isExactKind(_ type: ValueType, _ constant: Value) -> Bool {
    switch (type, constant) {
    case (.integer, .integer), (.time, .time), (.date, .date), (.money, .money), (.enumeration, .enumCase): true
    default: false
    }
  }

  /// `fact op constant` without building values: integers, times, dates, money and enum cases.
  static func factComparison(_ op: BinaryOperator, _ slot: Int, _ constant: Value) -> CompiledCondition {
    switch constant {
    case .integer(let k): return ordered(op, k) { f in f.integerFact(slot) }
    case .time(let t): return ordered(op, t.minutes) { f in
        if slot < f.factCount, case .time(let x) = f.facts[slot] { return x.minutes }
        return nil
      }
    case .date(let d): return ordered(op, d.daysSinceEpoch) { f in
        if slot < f.factCount, case .date(let x) = f.facts[slot] { return x.daysSinceEpoch }
        return nil
      }
    case .money(let k): return ordered(op, k) { f in
        if slot < f.factCount, case .money(let x) = f.facts[slot] { return x }
        return nil
      }
    case .enumCase(let name) where op == .equal || op == .notEqual:
      let equal = op == .equal
      return { f in
        guard slot < f.factCount, case .enumCase(let s) = f.facts[slot] else { return .unknown }
        return (s == name) == equal ? .true : .false
      }
    default:
      let node = compare(op, { f in f.fact(slot) }, { _ in constant })
      return { f in node(f).truth }
    }
  }

  /// An ordered comparison of an `Int64` the loader extracts (nil = unknown) with `k`.
  static func ordered(_ op: BinaryOperator, _ k: Int64, _ load: @escaping @Sendable (EvalFrame) -> Int64?) -> CompiledCondition {
    switch op {
    case .less: return { f in load(f).map { Truth($0 < k) } ?? .unknown }
    case .lessEqual: return { f in load(f).map { Truth($0 <= k) } ?? .unknown }
    case .greater: return { f in load(f).map { Truth($0 > k) } ?? .unknown }
    case .greaterEqual: return { f in load(f).map { Truth($0 >= k) } ?? .unknown }
    case .equal: return { f in load(f).map { Truth($0 == k) } ?? .unknown }
    default: return { f in load(f).map { Truth($0 != k) } ?? .unknown }
    }
  }
}

extension CheckedExpr {
  /// The value of a list literal whose elements are all constants.
  var constantListValue: Value? {
    guard case .list(let items) = kind else { return nil }
    var values: [Value] = []
    for item in items {
      guard let v = item.constantValue else { return nil }
      values.append(v)
    }
    return .list(values)
  }
}

extension Truth {
  /// `.true` or `.false`.
  @inline(__always) public init(_ bool: Bool) {
    self = bool ? .true : .false
  }
}

extension CheckedExpr {
  /// The operands of a chain of `and` (or of `or`), left to right.
  func flattened(and: Bool) -> [CheckedExpr] {
    switch kind {
    case .and(let l, let r) where and: l.flattened(and: and) + r.flattened(and: and)
    case .or(let l, let r) where !and: l.flattened(and: and) + r.flattened(and: and)
    default: [self]
    }
  }
}
