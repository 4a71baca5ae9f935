/// Compiles checked expressions to closure trees over fact slots.
///
/// Compile once per rulebook, evaluate many times: the program captures constants, slots and
/// compiled definitions, so evaluation does no look-ups by name.
public struct Compiler {
  let environment: Environment
  let recording: Bool
  /// Compiled definition bodies by definition index.
  var definitions: [Int: CompiledNode] = [:]

  /// Compiles `checked`, which was checked against `environment`.
  public static func compile(_ checked: CheckedExpr, in environment: Environment) -> CompiledProgram {
    var fast = Compiler(environment: environment, recording: false)
    var traced = Compiler(environment: environment, recording: true)
    let fastNode: CompiledNode
    let fastCondition: CompiledCondition?
    if checked.type == .bool {
      let condition = fast.compileTruth(checked)
      fastCondition = condition
      fastNode = { frame in condition(frame).value }
    } else {
      fastCondition = nil
      fastNode = fast.compile(checked)
    }
    return CompiledProgram(
      checked: checked, fast: fastNode, fastCondition: fastCondition, traced: traced.compile(checked),
      memoCount: environment.definitions.count, localCount: environment.localCount)
  }

  mutating func compile(_ x: CheckedExpr) -> CompiledNode {
    let inner = compileBare(x)
    guard recording else { return inner }
    let id = x.id
    return { frame in
      let value = inner(frame)
      frame.trace?.pointee.record(id, value)
      return value
    }
  }

  mutating func compileBare(_ x: CheckedExpr) -> CompiledNode {
    switch x.kind {
    case .constant(let value), .parameter(_, let value):
      return { _ in value }
    case .fact(let slot, _):
      return { frame in frame.fact(slot) }
    case .local(let index, _):
      return { frame in frame.locals[index] }
    case .definition(let index, _):
      return compileDefinition(index)
    case .not(let operand):
      let a = compile(operand)
      return { frame in
        switch a(frame) {
        case .bool(let b): .bool(!b)
        default: .unknown
        }
      }
    case .negate(let operand):
      let a = compile(operand)
      return { frame in Arithmetic.negate(a(frame)) }
    case .and(let left, let right):
      return Compiler.and(compile(left), compile(right))
    case .or(let left, let right):
      return Compiler.or(compile(left), compile(right))
    case .arithmetic(let op, let left, let right):
      let a = compile(left)
      let b = compile(right)
      return { frame in Arithmetic.apply(op, a(frame), b(frame)) }
    case .comparison(let op, let left, let right):
      return compileComparison(op, left, right)
    case .membership(let value, let list, let negated):
      let a = compile(value)
      let b = compile(list)
      if negated { return { frame in (!Value.membership(a(frame), in: b(frame))).value } }
      return { frame in Value.membership(a(frame), in: b(frame)).value }
    case .between(let value, let low, let high):
      let a = compile(value)
      let lo = compile(low)
      let hi = compile(high)
      return { frame in
        let v = a(frame)
        let above = Value.order(v, lo(frame)).map { $0 >= 0 ? Truth.true : .false } ?? .unknown
        if above == .false { return .bool(false) }
        let below = Value.order(v, hi(frame)).map { $0 <= 0 ? Truth.true : .false } ?? .unknown
        return (above && below).value
      }
    case .list(let items):
      if items.allSatisfy({ if case .constant = $0.kind { true } else { false } }) && !recording {
        let values = Value.list(items.map { if case .constant(let v) = $0.kind { v } else { .unknown } })
        return { _ in values }
      }
      let compiled = items.map { compile($0) }
      return { frame in .list(compiled.map { $0(frame) }) }
    case .conditional(let condition, let then, let otherwise):
      let c = compile(condition)
      let a = compile(then)
      let b = compile(otherwise)
      return { frame in
        switch c(frame) {
        case .bool(true): return a(frame)
        case .bool(false): return b(frame)
        default:
          let x = a(frame)
          return Value.equality(x, b(frame)) == .true ? x : .unknown
        }
      }
    case .call(let builtin, let arguments):
      let compiled = arguments.map { compile($0) }
      let implementation = builtin.implementation
      if builtin.strict {
        return { frame in
          var values: [Value] = []
          values.reserveCapacity(compiled.count)
          for argument in compiled {
            let v = argument(frame)
            if v.isUnknown { return .unknown }
            values.append(v)
          }
          return implementation(values)
        }
      }
      return { frame in implementation(compiled.map { $0(frame) }) }
    case .quantifier(let all, let local, let list, let body):
      return Compiler.quantifier(all: all, local: local, compile(list), compile(body))
    }
  }

  mutating func compileDefinition(_ index: Int) -> CompiledNode {
    if definitions[index] == nil {
      guard let body = environment.definitions[index].checked else { return { _ in .unknown } }
      definitions[index] = compile(body)
    }
    let body = definitions[index]!
    return { frame in
      if frame.memoSet[index] { return frame.memo[index] }
      let value = body(frame)
      frame.memo[index] = value
      frame.memoSet[index] = true
      return value
    }
  }

  /// Kleene `and`: false if either is false, true if both are true, otherwise unknown.
  static func and(_ a: @escaping CompiledNode, _ b: @escaping CompiledNode) -> CompiledNode {
    { frame in
      let x = a(frame)
      if case .bool(false) = x { return x }
      let y = b(frame)
      if case .bool(false) = y { return y }
      if case .bool(true) = x, case .bool(true) = y { return y }
      return .unknown
    }
  }

  /// Kleene `or`: true if either is true, false if both are false, otherwise unknown.
  static func or(_ a: @escaping CompiledNode, _ b: @escaping CompiledNode) -> CompiledNode {
    { frame in
      let x = a(frame)
      if case .bool(true) = x { return x }
      let y = b(frame)
      if case .bool(true) = y { return y }
      if case .bool(false) = x, case .bool(false) = y { return y }
      return .unknown
    }
  }

  static func quantifier(all: Bool, local: Int, _ list: @escaping CompiledNode, _ body: @escaping CompiledNode) -> CompiledNode {
    { frame in
      guard case .list(let items) = list(frame) else { return .unknown }
      var result: Truth = all ? .true : .false
      for item in items {
        frame.locals[local] = item
        let truth = body(frame).truth
        result = all ? (result && truth) : (result || truth)
        if result == (all ? .false : .true) { break }
      }
      return result.value
    }
  }
}
