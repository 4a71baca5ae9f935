import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// What a rulebook change does to a set of initiatives: which verdicts change, and why.
public struct ImpactReport: Sendable {
  /// One initiative whose verdict changes.
  public struct Change: Sendable {
    public var initiativeID: String
    public var title: String?
    public var rulebook: String
    public var old: Summary
    public var new: Summary
    /// The rules whose finding changed, as `rule: applies → does_not_apply`.
    public var reasons: [String]
  }

  /// The part of a verdict a resident notices: the level, whether it is final, what is required.
  public struct Summary: Sendable, Hashable {
    public var level: VerdictLevel
    public var determined: Bool
    public var required: [String]

    public var text: String {
      level.rawValue + (determined ? "" : " (undetermined)") + (required.isEmpty ? "" : " [\(required.joined(separator: ", "))]")
    }
  }

  /// Initiatives evaluated with both versions.
  public var evaluated: Int
  /// Initiatives no rulebook of either version is for (another municipality), or that did not bind.
  public var skipped: Int
  public var changes: [Change]
  /// What changed in the rulebooks themselves.
  public var rulebookChanges: [RulebookChange]
}

/// Compares verdicts of two versions of rulebooks over initiatives.
public enum ImpactAnalysis {
  /// Checks every initiative with both engines; an initiative counts when both versions have a
  /// rulebook for it and it binds in both.
  ///
  /// - Complexity: two evaluations per initiative.
  public static func impact(old: RuleEngine, new: RuleEngine, initiatives: [Initiative]) -> ImpactReport {
    var report = ImpactReport(evaluated: 0, skipped: 0, changes: [], rulebookChanges: RulebookChanges.compare(old: old.library, new: new.library))
    let options = RuleEngine.CheckOptions(traces: false)
    for initiative in initiatives {
      guard let before = old.check(initiative, options: options).evaluation, let after = new.check(initiative, options: options).evaluation
      else {
        report.skipped += 1
        continue
      }
      report.evaluated += 1
      let (a, b) = (summary(before), summary(after))
      guard a != b else { continue }
      report.changes.append(
        ImpactReport.Change(
          initiativeID: initiative.id, title: initiative.title, rulebook: after.rulebook.id, old: a, new: b, reasons: reasons(before, after)))
    }
    return report
  }

  public static func summary(_ evaluation: Evaluation) -> ImpactReport.Summary {
    ImpactReport.Summary(
      level: evaluation.verdict.level, determined: evaluation.verdict.determined, required: evaluation.verdict.required.map(\.rule).sorted())
  }

  /// The rules whose status differs between the two evaluations.
  static func reasons(_ before: Evaluation, _ after: Evaluation) -> [String] {
    var old: [String: FindingStatus] = [:]
    for finding in before.findings { old[finding.rule.rule.id] = finding.status }
    var reasons: [String] = []
    var seen = Set<String>()
    for finding in after.findings {
      let id = finding.rule.rule.id
      seen.insert(id)
      let previous = old[id]?.rawValue ?? "not in the rulebook"
      if previous != finding.status.rawValue { reasons.append("\(id): \(previous) → \(finding.status.rawValue)") }
    }
    for (id, status) in old.sorted(by: { $0.key < $1.key }) where !seen.contains(id) {
      reasons.append("\(id): \(status.rawValue) → not in the rulebook")
    }
    return reasons
  }
}
