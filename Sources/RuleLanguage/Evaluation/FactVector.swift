/// The facts of one initiative, by slot (`Environment.declareFact` returns the slot).
///
/// A slot that was never set, or lies beyond the vector, is `unknown`.
public struct FactVector: Sendable {
  /// The values by slot.
  public var values: [Value]

  /// A vector of `count` unknown facts.
  public init(count: Int) {
    values = Array(repeating: .unknown, count: count)
  }

  /// A vector with the given values.
  public init(_ values: [Value]) {
    self.values = values
  }

  /// The value in `slot`; setting beyond the end grows the vector.
  public subscript(slot: Int) -> Value {
    get { slot >= 0 && slot < values.count ? values[slot] : .unknown }
    set {
      if slot >= values.count { values.append(contentsOf: repeatElement(.unknown, count: slot - values.count + 1)) }
      values[slot] = newValue
    }
  }
}

/// The value each node had during one evaluation, by node id, for explanations.
///
/// Nodes that short-circuiting skipped have no value. Recording appends (cheap); reading
/// searches, which is fine for the few look-ups an explanation makes.
public struct EvalTrace: Sendable {
  /// `(node id, value)` in the order the nodes finished evaluating.
  public private(set) var entries: [(id: Int, value: Value)] = []

  /// An empty trace.
  public init() {}

  /// An empty trace with room for `capacity` entries.
  public init(capacity: Int) {
    entries.reserveCapacity(capacity)
  }

  mutating func record(_ id: Int, _ value: Value) {
    entries.append((id, value))
  }

  /// The value the node with `id` had, if it was evaluated.
  public subscript(id: Int) -> Value? {
    entries.last { $0.id == id }?.value
  }

  /// The values by node id.
  public var values: [Int: Value] {
    Dictionary(entries.map { ($0.id, $0.value) }, uniquingKeysWith: { $1 })
  }
}

/// What compiled code reads and writes during one evaluation; trivial, so passing it is free.
struct EvalFrame {
  let facts: UnsafePointer<Value>
  let factCount: Int
  /// Definition values, valid where `memoSet` is true.
  let memo: UnsafeMutablePointer<Value>
  let memoSet: UnsafeMutablePointer<Bool>
  /// Lambda variables.
  let locals: UnsafeMutablePointer<Value>
  let trace: UnsafeMutablePointer<EvalTrace>?

  @inline(__always)
  func fact(_ slot: Int) -> Value {
    slot < factCount ? facts[slot] : .unknown
  }
}

/// A compiled node: computes its value from the frame.
typealias CompiledNode = @Sendable (EvalFrame) -> Value
