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
  /// How often each rule set the verdict, and each requirement was needed (`rulebook/rule`).
  public var decidedBy: [String: Int] = [:]
  public var required: [String: Int] = [:]
  /// How many initiatives each adjustment would help (with `--room`).
  public var adjustments: [String: Int] = [:]
  /// The first records in detail, for the report's table.
  public var details: [RecordDetail] = []
  /// Failed records in detail (all of them, up to `detailLimit`).
  public var failures: [RecordDetail] = []
  public static let detailLimit = 10_000

  /// Counts by verdict rank and for the rulebook of the latest records, kept apart from the
  /// dictionaries so that counting a record hashes nothing; `settle()` folds them in.
  private var levelTally: (Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0)
  private var rulebookTally: (id: String, count: Int)?

  mutating func add(_ status: RecordStatus) {
    read += 1
    switch status {
    case .evaluated(_, _, let box?), .failed(_, let box?):
      let detail = box.detail
      if let rulebook = detail.rulebook {
        for rule in detail.decidedBy { decidedBy["\(rulebook)/\(rule)", default: 0] += 1 }
        for rule in detail.required { required["\(rulebook)/\(rule)", default: 0] += 1 }
        for label in Set(detail.adjustments) { adjustments["\(rulebook): \(label)", default: 0] += 1 }
      }
      if details.count < Self.detailLimit { details.append(detail) }
      if detail.error != nil, failures.count < Self.detailLimit { failures.append(detail) }
    default:
      break
    }
    switch status {
    case .evaluated(let rulebook, let decision, _):
      evaluated += 1
      switch decision.level.rank {
      case 0: levelTally.0 += 1
      case 1: levelTally.1 += 1
      case 2: levelTally.2 += 1
      case 3: levelTally.3 += 1
      case 4: levelTally.4 += 1
      default: levelTally.5 += 1
      }
      if !decision.determined { undetermined += 1 }
      if rulebookTally?.id == rulebook {
        rulebookTally!.count += 1
      } else {
        settleRulebook()
        rulebookTally = (rulebook, 1)
      }
    case .failed(let code, _):
      failed += 1
      failuresByCode[code, default: 0] += 1
    }
  }

  /// Folds the tallies of `add` into `byLevel` and `byRulebook`.
  mutating func settle() {
    let counts = [levelTally.0, levelTally.1, levelTally.2, levelTally.3, levelTally.4, levelTally.5]
    for level in VerdictLevel.allCases where counts[level.rank] > 0 { byLevel[level, default: 0] += counts[level.rank] }
    levelTally = (0, 0, 0, 0, 0, 0)
    settleRulebook()
  }

  private mutating func settleRulebook() {
    guard let (id, count) = rulebookTally else { return }
    byRulebook[id, default: 0] += count
    rulebookTally = nil
  }

  /// Adds the counts and details of `other`, which covers the records after this one's.
  mutating func merge(_ other: BatchSummary) {
    var other = other
    other.settle()
    settle()
    read += other.read
    evaluated += other.evaluated
    failed += other.failed
    undetermined += other.undetermined
    byLevel.merge(other.byLevel, uniquingKeysWith: +)
    byRulebook.merge(other.byRulebook, uniquingKeysWith: +)
    failuresByCode.merge(other.failuresByCode, uniquingKeysWith: +)
    decidedBy.merge(other.decidedBy, uniquingKeysWith: +)
    required.merge(other.required, uniquingKeysWith: +)
    adjustments.merge(other.adjustments, uniquingKeysWith: +)
    // Workers take blocks of records as they come, so another worker's details may come first:
    // the kept ones are the first by record number.
    details = Self.first(details, other.details)
    failures = Self.first(failures, other.failures)
  }

  /// The first `detailLimit` of two lists of details, by record number.
  static func first(_ kept: [RecordDetail], _ more: [RecordDetail]) -> [RecordDetail] {
    guard !more.isEmpty else { return kept }
    var all = kept + more
    if let last = kept.last, let next = more.first, next.number < last.number { all.sort { $0.number < $1.number } }
    return Array(all.prefix(detailLimit))
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
