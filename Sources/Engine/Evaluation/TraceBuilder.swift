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
    run(program, shape: shape).trace
  }

  /// The truth of `program` and its trace, from one run.
  func run(_ program: CompiledProgram, shape: TraceShape? = nil) -> (truth: Truth, trace: TraceNode) {
    var trace = EvalTrace()
    let value = program.evaluate(facts, recording: &trace)
    let node = TraceNode(shape: shape ?? TraceShape(program.checked, environment: environment), recorded: RecordedValues(trace, facts: facts))
    return (value.truth, node)
  }
}

/// What one traced evaluation recorded: the value each node finished with (the last, for a
/// node evaluated more than once), by node id, and the facts it read. An array over the ids'
/// range when it is not much larger than the trace (a condition's nodes are numbered one after
/// another), else the ids in order, searched by halves (definitions read by a condition are
/// numbered far from it). Shared by every node of the trace.
final class RecordedValues: Sendable {
  let facts: FactVector
  let first: Int
  let window: [Value?]
  /// Without a window: the recorded ids, ascending, and each one's value.
  let ids: [Int]
  let values: [Value]

  init(_ trace: EvalTrace, facts: FactVector) {
    self.facts = facts
    let entries = trace.entries
    guard let lowest = entries.min(by: { $0.id < $1.id })?.id, let highest = entries.max(by: { $0.id < $1.id })?.id else {
      (first, window, ids, values) = (0, [], [], [])
      return
    }
    guard highest - lowest < 4 * entries.count + 64 else {
      // By id, and for one id in the order recorded, so that the last of each is kept.
      let order = entries.indices.sorted { entries[$0].id != entries[$1].id ? entries[$0].id < entries[$1].id : $0 < $1 }
      var ids: [Int] = []
      var values: [Value] = []
      for index in order {
        if ids.last == entries[index].id {
          values[values.count - 1] = entries[index].value
        } else {
          ids.append(entries[index].id)
          values.append(entries[index].value)
        }
      }
      (first, window, self.ids, self.values) = (0, [], ids, values)
      return
    }
    var window = [Value?](repeating: nil, count: highest - lowest + 1)
    for entry in entries { window[entry.id - lowest] = entry.value }
    (first, self.window, ids, values) = (lowest, window, [], [])
  }

  subscript(id: Int) -> Value? {
    guard ids.isEmpty else {
      var (low, high) = (0, ids.count)
      while low < high {
        let middle = (low + high) / 2
        if ids[middle] < id { low = middle + 1 } else { high = middle }
      }
      return low < ids.count && ids[low] == id ? values[low] : nil
    }
    let offset = id - first
    return offset >= 0 && offset < window.count ? window[offset] : nil
  }
}
