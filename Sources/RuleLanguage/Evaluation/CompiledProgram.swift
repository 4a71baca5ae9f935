/// A checked expression compiled to a tree of closures over slots: immutable, `Sendable`, no
/// name look-ups at evaluation time. Definitions are evaluated at most once per evaluation.
public final class CompiledProgram: Sendable {
  /// The expression it was compiled from (for explanations and analysis).
  public let checked: CheckedExpr
  let fast: CompiledNode
  /// The truth-returning form of a condition (`nil` for a non-bool expression).
  let fastCondition: CompiledCondition?
  let traced: CompiledNode
  let memoCount: Int
  let localCount: Int

  init(
    checked: CheckedExpr, fast: @escaping CompiledNode, fastCondition: CompiledCondition?, traced: @escaping CompiledNode,
    memoCount: Int, localCount: Int
  ) {
    self.checked = checked
    self.fast = fast
    self.fastCondition = fastCondition
    self.traced = traced
    self.memoCount = memoCount
    self.localCount = localCount
  }

  /// Evaluates over a fact vector (missing facts are `unknown`); the fast path.
  public func evaluate(_ facts: FactVector) -> Value {
    run(fast, facts, trace: nil)
  }

  /// Evaluates and records in `trace` the value of every node that was evaluated.
  public func evaluate(_ facts: FactVector, recording trace: inout EvalTrace) -> Value {
    withUnsafeMutablePointer(to: &trace) { run(traced, facts, trace: $0) }
  }

  /// The truth of a condition: `.unknown` when it depends on a missing fact.
  public func evaluateTruth(_ facts: FactVector) -> Truth {
    guard let fastCondition else { return evaluate(facts).truth }
    return withFrame(facts, trace: nil, fastCondition)
  }


  func run(_ node: CompiledNode, _ facts: FactVector, trace: UnsafeMutablePointer<EvalTrace>?) -> Value {
    withFrame(facts, trace: trace, node)
  }

  /// Sets up the frame (facts, memo and local slots) and runs `body` in it.
  func withFrame<R>(_ facts: FactVector, trace: UnsafeMutablePointer<EvalTrace>?, _ node: (EvalFrame) -> R) -> R {
    facts.values.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
      if memoCount == 0 && localCount == 0 {
        let empty = UnsafeMutablePointer<Value>(bitPattern: 8)!
        let frame = EvalFrame(
          facts: base, factCount: buffer.count, memo: empty, memoSet: UnsafeMutablePointer(bitPattern: 8)!, locals: empty,
          trace: trace)
        return node(frame)
      }
      return withUnsafeTemporaryAllocation(of: Value.self, capacity: memoCount + localCount) { values in
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, memoCount)) { set in
          let valuePointer = values.baseAddress!
          valuePointer.initialize(repeating: .unknown, count: memoCount + localCount)
          set.baseAddress!.initialize(repeating: false, count: max(1, memoCount))
          defer { valuePointer.deinitialize(count: memoCount + localCount) }
          let frame = EvalFrame(
            facts: base, factCount: buffer.count, memo: valuePointer, memoSet: set.baseAddress!,
            locals: valuePointer + memoCount, trace: trace)
          return node(frame)
        }
      }
    }
  }
}
