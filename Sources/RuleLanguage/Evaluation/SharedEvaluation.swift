/// One evaluation frame shared by several programs compiled in the same environment, so that
/// definitions they share (`klein_evenement`, `end_abs`) are computed once per fact vector.
///
/// Valid only inside the closure of `withSharedEvaluation`.
public struct SharedEvaluation {
  let frame: EvalFrame

  /// Evaluates the programs of one environment over `facts` in one frame.
  ///
  /// - Parameters:
  ///   - definitions: the environment's number of definitions (`environment.definitions.count`).
  ///   - locals: the environment's number of lambda variables (`environment.localCount`).
  public static func with<R>(_ facts: FactVector, definitions: Int, locals: Int, _ body: (SharedEvaluation) -> R) -> R {
    facts.values.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 8)!
      let slots = max(1, definitions + locals)
      return withUnsafeTemporaryAllocation(of: Value.self, capacity: slots) { values in
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: max(1, definitions)) { set in
          let valuePointer = values.baseAddress!
          valuePointer.initialize(repeating: .unknown, count: slots)
          set.baseAddress!.initialize(repeating: false, count: max(1, definitions))
          defer { valuePointer.deinitialize(count: slots) }
          let frame = EvalFrame(
            facts: base, factCount: buffer.count, memo: valuePointer, memoSet: set.baseAddress!,
            locals: valuePointer + definitions, trace: nil)
          return body(SharedEvaluation(frame: frame))
        }
      }
    }
  }
}

extension CompiledProgram {
  /// The truth of this condition in a shared frame (the program must come from the environment
  /// the frame was sized for).
  @inline(__always)
  public func truth(in shared: SharedEvaluation) -> Truth {
    if let fastCondition { return fastCondition(shared.frame) }
    return fast(shared.frame).truth
  }
}
