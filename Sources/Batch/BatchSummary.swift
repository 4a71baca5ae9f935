import Rulebook

/// What a batch run did: records read, evaluated, failed, and by verdict.
public struct BatchSummary: Sendable {
  public var read = 0
  public var evaluated = 0
  public var failed = 0
  public var byLevel: [VerdictLevel: Int] = [:]
  public var undetermined = 0
  public var byRulebook: [String: Int] = [:]
  public var failuresByCode: [String: Int] = [:]
  /// Records that an earlier, interrupted run had already written.
  public var resumed = 0
  public var seconds = 0.0
  /// Whether the run was stopped (Ctrl-C) before the end.
  public var interrupted = false

  mutating func add(_ status: RecordStatus) {
    read += 1
    switch status {
    case .evaluated(let rulebook, let decision):
      evaluated += 1
      byLevel[decision.level, default: 0] += 1
      if !decision.determined { undetermined += 1 }
      byRulebook[rulebook, default: 0] += 1
    case .failed(let code):
      failed += 1
      failuresByCode[code, default: 0] += 1
    }
  }

  /// The closing lines for standard error.
  public var text: String {
    var lines: [String] = []
    let rate = seconds > 0 ? Int(Double(read) / seconds) : 0
    var first = "records read: \(read), evaluated: \(evaluated), failed: \(failed)"
    if resumed > 0 { first += " (plus \(resumed) from the interrupted run)" }
    lines.append(first + String(format: " in %.2f s (%d records/s)", seconds, rate))
    let levels = VerdictLevel.allCases.filter { byLevel[$0] != nil }.map { "\($0.rawValue) \(byLevel[$0]!)" }
    if !levels.isEmpty { lines.append("by verdict: " + levels.joined(separator: ", ") + (undetermined > 0 ? " (\(undetermined) not yet determined)" : "")) }
    if !failuresByCode.isEmpty {
      lines.append("failures: " + failuresByCode.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
