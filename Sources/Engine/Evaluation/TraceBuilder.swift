import Rulebook
import RuleLanguage

/// Builds the explanation trace of a compiled condition: each sub-condition with its value and
/// the facts and parameters behind it. The texts and the structure come from the program's
/// `TraceShape`; only the values are the evaluation's.
struct TraceBuilder {
  let environment: Environment
  let facts: FactVector

  /// The trace of `program`, laid out by `shape` (made here when none is given).
  func trace(_ program: CompiledProgram, shape: TraceShape? = nil) -> TraceNode {
    var trace = EvalTrace()
    _ = program.evaluate(facts, recording: &trace)
    return node(shape ?? TraceShape(program.checked, environment: environment), trace.values)
  }

  func node(_ shape: TraceShape, _ values: [Int: Value]) -> TraceNode {
    TraceNode(
      text: shape.text, value: values[shape.id], inputs: shape.inputs.map { input(of: $0, values) },
      children: shape.children.map { node($0, values) }, joins: shape.joins, line: shape.line)
  }

  func input(of input: TraceShape.Input, _ values: [Int: Value]) -> TraceInput {
    switch input {
    case .fact(let name, let slot): TraceInput(kind: .fact, name: name, value: facts[slot])
    case .parameter(let name, let value): TraceInput(kind: .parameter, name: name, value: value)
    case .definition(let name, let id): TraceInput(kind: .definition, name: name, value: values[id] ?? .unknown)
    }
  }
}
