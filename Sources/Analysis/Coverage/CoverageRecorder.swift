import Engine
import Rulebook
import RuleLanguage

/// Collects what the evaluations of a rulebook's tests exercise, and reports the gaps.
///
/// A rule is covered on a side when some test's evaluation gives it that status, whatever the
/// test expected; a threshold when some test's facts are on that side of it; an exception when
/// some test has the overriding rule apply and set the other aside.
public struct CoverageRecorder: Sendable {
  var report: CoverageReport
  var targets: [[CoverageTargets.Probe]]
  var ruleIndex: [String: Int]
  let rulebook: CompiledRulebook

  /// A recorder for `rulebook`, whose own definition (as written, before layering) is `own`.
  public init(rulebook: CompiledRulebook, own: RulebookDefinition) {
    let found = CoverageTargets(rulebook: rulebook, own: own)
    self.rulebook = rulebook
    report = CoverageReport(
      rulebook: rulebook.id, extends: own.extends, tests: 0, rules: found.rules, thresholds: found.thresholds, exceptions: found.exceptions)
    targets = found.probes
    ruleIndex = Dictionary(found.rules.enumerated().map { ($1.rule, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Records one test's evaluation.
  public mutating func record(_ evaluation: Evaluation) {
    report.tests += 1
    for finding in evaluation.findings {
      guard let index = ruleIndex[finding.rule.rule.id] else { continue }
      switch finding.status {
      case .applies: report.rules[index].seenApplying = true
      case .doesNotApply: report.rules[index].seenNotApplying = true
      case .undetermined: break
      }
    }
    for (index, exception) in report.exceptions.enumerated() where !exception.exercised {
      if let finding = evaluation.finding(exception.overrides), finding.reason == .overridden, finding.overriddenBy.contains(exception.rule) {
        report.exceptions[index].exercised = true
      }
    }
    let epoch = rulebook.epochs.firstIndex { $0 === rulebook.epoch(on: evaluation.asOf) } ?? 0
    for probe in targets[epoch] {
      guard let side = Self.side(of: probe, facts: evaluation.facts) else { continue }
      if side { report.thresholds[probe.target].seenTrue = true } else { report.thresholds[probe.target].seenFalse = true }
    }
  }

  /// The report so far.
  public var coverage: CoverageReport { report }

  /// Whether the facts put the compared side on the true side of the threshold; nil when unknown.
  static func side(of probe: CoverageTargets.Probe, facts: FactVector) -> Bool? {
    let value: Value
    if let program = probe.program {
      value = program.evaluate(facts)
    } else if probe.exact {
      value = facts[probe.slot]
    } else {
      return nil
    }
    guard !value.isUnknown, let first = probe.values.first, !first.isUnknown else { return nil }
    switch probe.comparison {
    case .equal, .notEqual:
      let matches = probe.values.map { Value.equality(value, $0) }
      if matches.contains(.unknown) { return nil }
      return matches.contains(.true) == (probe.comparison == .equal)
    default:
      guard let order = Value.order(value, first) else { return nil }
      switch probe.comparison {
      case .less: return order < 0
      case .lessEqual: return order <= 0
      case .greater: return order > 0
      case .greaterEqual: return order >= 0
      default: return nil
      }
    }
  }
}
