import Rulebook
import RuleLanguage

/// Builds the explanation trace of a compiled condition: each sub-condition with its value and
/// the facts and parameters behind it.
struct TraceBuilder {
  let environment: Environment
  let facts: FactVector

  func trace(_ program: CompiledProgram) -> TraceNode {
    var trace = EvalTrace()
    _ = program.evaluate(facts, recording: &trace)
    return node(program.checked, trace.values)
  }

  func node(_ expression: CheckedExpr, _ values: [Int: Value]) -> TraceNode {
    var children: [TraceNode] = []
    var joins: String?
    switch expression.kind {
    case .not(let operand) where !Self.isLeaf(operand):
      children = [node(operand, values)]
      joins = "not"
    case .and, .or:
      children = flattened(expression).map { node($0, values) }
      joins = Self.joins(expression)
    case .definition(let index, _):
      // A definition shows its body, so the trace reaches the facts behind it.
      if let body = environment.definitions[index].checked {
        let parts = flattened(body)
        children = parts.isEmpty ? [node(body, values)] : parts.map { node($0, values) }
        joins = parts.isEmpty ? nil : Self.joins(body)
      }
    default:
      break
    }
    return TraceNode(
      text: expression.printed, value: values[expression.id], inputs: inputs(of: expression, values), children: children,
      joins: joins, line: expression.span.startLocation.line)
  }

  static func joins(_ expression: CheckedExpr) -> String? {
    switch expression.kind {
    case .and: "and"
    case .or: "or"
    case .not: "not"
    default: nil
    }
  }

  /// A fact or parameter: `not x` then reads as one line.
  static func isLeaf(_ expression: CheckedExpr) -> Bool {
    switch expression.kind {
    case .fact, .parameter, .constant: true
    default: false
    }
  }

  /// The operands of a chain of one operator (`a and b and c` gives three), so the trace reads flat.
  func flattened(_ expression: CheckedExpr) -> [CheckedExpr] {
    switch expression.kind {
    case .and(let a, let b):
      return [a, b].flatMap { if case .and = $0.kind { flattened($0) } else { [$0] } }
    case .or(let a, let b):
      return [a, b].flatMap { if case .or = $0.kind { flattened($0) } else { [$0] } }
    case .not(let x):
      return [x]
    default:
      return []
    }
  }

  /// The named values a leaf reads (not for and/or/not, whose children show them).
  func inputs(of expression: CheckedExpr, _ values: [Int: Value]) -> [TraceInput] {
    switch expression.kind {
    case .and, .or, .definition: return []
    case .not(let operand) where !Self.isLeaf(operand): return []
    default: break
    }
    var result: [TraceInput] = []
    var seen = Set<String>()
    func visit(_ x: CheckedExpr) {
      switch x.kind {
      case .fact(let slot, let name):
        if seen.insert(name).inserted { result.append(TraceInput(kind: .fact, name: name, value: facts[slot])) }
      case .parameter(let name, let value):
        if seen.insert(name).inserted { result.append(TraceInput(kind: .parameter, name: name, value: value)) }
      case .definition(_, let name):
        if seen.insert(name).inserted { result.append(TraceInput(kind: .definition, name: name, value: values[x.id] ?? .unknown)) }
      default:
        x.children.forEach(visit)
      }
    }
    visit(expression)
    return result
  }
}
