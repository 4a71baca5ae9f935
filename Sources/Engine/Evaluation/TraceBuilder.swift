import Rulebook
import RuleLanguage

/// Builds the explanation trace of a compiled condition: each sub-condition with its value and
/// the facts and parameters behind it. The texts and the structure come from the program's
/// `TraceShape`; only the values are the evaluation's.
struct TraceBuilder {
  let environment: Environment
  let facts: FactVector

  /// The truth of `program` and its trace, laid out by `shape` (made here when none is given),
  /// from one run.
  func run(_ program: CompiledProgram, shape: TraceShape? = nil) -> (truth: Truth, trace: TraceNode) {
    var trace = EvalTrace(capacity: 32)
    let value = program.evaluate(facts, recording: &trace)
    let node = TraceNode(shape: shape ?? TraceShape(program.checked, environment: environment), recorded: RecordedValues(trace, facts: facts))
    return (value.truth, node)
  }
}

/// What one traced evaluation recorded: the value each node finished with (the last, for a
/// node evaluated more than once), by node id, and the facts it read. The recorded entries are
/// kept as they are, with a table from id to entry: an array over the ids' range when it is not
/// much larger than the trace (a condition's nodes are numbered one after another), else the
/// ids in order, searched by halves (definitions read by a condition are numbered far from it).
/// Shared by every node of the trace.
final class RecordedValues: Sendable {
  let facts: FactVector
  let entries: [(id: Int, value: Value)]
  /// With a window: the position + 1 in `entries` of id `first + i` (0 when not recorded).
  let first: Int
  let window: [Int32]
  /// Without a window: the recorded ids, ascending, and the position of each one's last entry.
  let ids: [Int]
  let positions: [Int32]

  init(_ trace: EvalTrace, facts: FactVector) {
    self.facts = facts
    let entries = trace.entries
    self.entries = entries
    var (lowest, highest) = (Int.max, Int.min)
    for entry in entries {
      lowest = min(lowest, entry.id)
      highest = max(highest, entry.id)
    }
    guard !entries.isEmpty else {
      (first, window, ids, positions) = (0, [], [], [])
      return
    }
    guard highest - lowest < 4 * entries.count + 64 else {
      // By id, and for one id in the order recorded, so that the last of each is kept.
      let order = entries.indices.sorted { entries[$0].id != entries[$1].id ? entries[$0].id < entries[$1].id : $0 < $1 }
      var ids: [Int] = []
      var positions: [Int32] = []
      for index in order {
        if ids.last == entries[index].id {
          positions[positions.count - 1] = Int32(index)
        } else {
          ids.append(entries[index].id)
          positions.append(Int32(index))
        }
      }
      (first, window, self.ids, self.positions) = (0, [], ids, positions)
      return
    }
    var window = [Int32](repeating: 0, count: highest - lowest + 1)
    for (position, entry) in entries.enumerated() { window[entry.id - lowest] = Int32(position + 1) }
    (first, self.window, ids, positions) = (lowest, window, [], [])
  }

  subscript(id: Int) -> Value? {
    guard ids.isEmpty else {
      var (low, high) = (0, ids.count)
      while low < high {
        let middle = (low + high) / 2
        if ids[middle] < id { low = middle + 1 } else { high = middle }
      }
      return low < ids.count && ids[low] == id ? entries[Int(positions[low])].value : nil
    }
    let offset = id - first
    guard offset >= 0, offset < window.count, window[offset] > 0 else { return nil }
    return entries[Int(window[offset]) - 1].value
  }
}
