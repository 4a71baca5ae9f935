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
    return node(shape ?? TraceShape(program.checked, environment: environment), NodeValues(trace))
  }

  /// The value each node finished with (the last, for a node evaluated more than once), by
  /// node id: an array over the ids' range when it is not much larger than the trace (a
  /// condition's nodes are numbered one after another), else a dictionary.
  struct NodeValues {
    var first = 0
    var window: [Value?] = []
    var byID: [Int: Value] = [:]

    init(_ trace: EvalTrace) {
      let entries = trace.entries
      guard let lowest = entries.min(by: { $0.id < $1.id })?.id, let highest = entries.max(by: { $0.id < $1.id })?.id
      else { return }
      guard highest - lowest < 4 * entries.count + 64 else {
        byID = trace.values
        return
      }
      first = lowest
      window = Array(repeating: nil, count: highest - lowest + 1)
      for entry in entries { window[entry.id - lowest] = entry.value }
    }

    subscript(id: Int) -> Value? {
      guard byID.isEmpty else { return byID[id] }
      let offset = id - first
      return offset >= 0 && offset < window.count ? window[offset] : nil
    }
  }

  func node(_ shape: TraceShape, _ values: NodeValues) -> TraceNode {
    TraceNode(
      text: shape.text, value: values[shape.id], inputs: shape.inputs.map { input(of: $0, values) },
      children: shape.children.map { node($0, values) }, joins: shape.joins, line: shape.line)
  }

  func input(of input: TraceShape.Input, _ values: NodeValues) -> TraceInput {
    switch input {
    case .fact(let name, let slot): TraceInput(kind: .fact, name: name, value: facts[slot])
    case .parameter(let name, let value): TraceInput(kind: .parameter, name: name, value: value)
    case .definition(let name, let id): TraceInput(kind: .definition, name: name, value: values[id] ?? .unknown)
    }
  }
}
