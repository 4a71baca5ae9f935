import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// What a rulebook's tests must cover, with each threshold's compared side compiled once per
/// epoch so that a test's facts can be put on one side of it.
struct CoverageTargets {
  /// A counted threshold in one epoch.
  struct Probe: Sendable {
    /// Index into `thresholds`.
    var target: Int
    var slot: Int
    var comparison: BinaryOperator
    /// The value; for `in` (`==`) and `not in` (`!=`) lists, every candidate.
    var values: [Value]
    /// The compiled compared side; nil when it is the fact itself or cannot be evaluated alone.
    var program: CompiledProgram?
    var exact: Bool
  }

  var rules: [RuleCoverage] = []
  var thresholds: [ThresholdCoverage] = []
  var exceptions: [ExceptionCoverage] = []
  /// Counted thresholds by epoch index.
  var probes: [[Probe]] = []

  /// The counted rules, thresholds and exceptions of `rulebook`, whose own (unlayered)
  /// definition is `own`.
  init(rulebook: CompiledRulebook, own: RulebookDefinition) {
    let isRoot = own.extends == nil
    let ownParameters = Set(own.parameters.map(\.name))
    let directory = (own.directory as NSString).standardizingPath + "/"
    let isOwnText = { (span: SourceSpan) in (span.file.path as NSString).standardizingPath.hasPrefix(directory) }
    var ruleIndex: [String: Int] = [:]
    var thresholdIndex: [String: Int] = [:]
    var exceptionKeys: Set<String> = []
    for epoch in rulebook.epochs {
      var epochProbes: [Probe] = []
      for compiled in epoch.rules {
        let rule = compiled.rule
        let programs = [compiled.scope, compiled.condition].compactMap { $0 }
        let found = programs.flatMap { epoch.environment.thresholds(in: $0.checked) }
        let ruleIsOwn = isRoot || rule.origin == own.id
        let changed = { (t: Threshold) in t.parameter.map(ownParameters.contains) == true || isOwnText(t.span) }
        let counted = ruleIsOwn ? found : found.filter(changed)
        guard ruleIsOwn || !counted.isEmpty else { continue }
        if ruleIndex[rule.id] == nil {
          ruleIndex[rule.id] = rules.count
          rules.append(
            RuleCoverage(
              rule: rule.id, definedIn: rule.origin, origin: ruleIsOwn ? .own : .inheritedChanged, position: CoveragePosition(rule.idSpan),
              seenApplying: false, seenNotApplying: false))
        }
        for threshold in counted {
          let key = Self.key(threshold)
          let target: Int
          if let existing = thresholdIndex[key] {
            target = existing
            if let probe = epochProbes.lastIndex(where: { $0.target == existing }), threshold.comparison.isEquality {
              // Another candidate of the same `in` list: one threshold, in the list or not.
              guard !epochProbes[probe].values.contains(threshold.value) else { continue }
              epochProbes[probe].values.append(threshold.value)
              thresholds[existing].comparison = Self.membership(epochProbes[probe], left: Self.left(threshold, rulebook: rulebook))
              continue
            }
          } else {
            target = thresholds.count
            thresholdIndex[key] = target
            thresholds.append(Self.coverage(threshold, rule: rule.id, rulebook: rulebook, own: isRoot || changed(threshold)))
          }
          epochProbes.append(
            Probe(
              target: target, slot: threshold.slot, comparison: threshold.comparison, values: [threshold.value],
              program: Self.program(threshold, environment: epoch.environment), exact: threshold.exact))
        }
      }
      for compiled in epoch.rules {
        for index in compiled.overrides {
          let other = epoch.rules[index].rule
          guard ruleIndex[compiled.rule.id] != nil || ruleIndex[other.id] != nil,
            exceptionKeys.insert(compiled.rule.id + "→" + other.id).inserted
          else { continue }
          let span = compiled.rule.overrides.first { $0.id == other.id }?.span ?? compiled.rule.idSpan
          exceptions.append(ExceptionCoverage(rule: compiled.rule.id, overrides: other.id, position: CoveragePosition(span), exercised: false))
        }
      }
      probes.append(epochProbes)
    }
  }

  /// One threshold per comparison, fact, operator and value (a definition read by several
  /// rules is one threshold).
  static func key(_ t: Threshold) -> String {
    let side = t.exact ? "\(t.slot)" : "~"
    let value = t.comparison.isEquality ? "" : t.value.description
    return "\(t.span.file.path):\(t.span.start):\(t.span.end):\(side):\(t.comparison.rawValue):\(value)"
  }

  /// `activity in [markt, braderie]` for the candidates of an `in` list.
  static func membership(_ probe: Probe, left: String) -> String {
    "\(left) \(probe.comparison == .equal ? "in" : "not in") [\(probe.values.map(\.description).joined(separator: ", "))]"
  }

  static func coverage(_ t: Threshold, rule: String, rulebook: CompiledRulebook, own: Bool) -> ThresholdCoverage {
    let fact = rulebook.facts[t.slot].name
    let left = left(t, rulebook: rulebook)
    return ThresholdCoverage(
      rule: rule, fact: fact, comparison: "\(left) \(t.comparison.rawValue) \(t.value.description)", text: t.span.text,
      parameter: t.parameter, origin: own ? .own : .inheritedChanged, position: CoveragePosition(t.span), exact: t.exact,
      seenTrue: false, seenFalse: false)
  }

  /// The compared side as written: the fact's name, or the arithmetic or call over it.
  static func left(_ t: Threshold, rulebook: CompiledRulebook) -> String {
    t.exact ? rulebook.facts[t.slot].name : ExprPrinter.print(t.compared.syntax)
  }

  /// The compared side compiled on its own, unless it is the fact or reads a quantifier's variable.
  static func program(_ t: Threshold, environment: Environment) -> CompiledProgram? {
    if case .fact = t.compared.kind { return nil }
    guard !readsLocal(t.compared) else { return nil }
    return Compiler.compile(t.compared, in: environment)
  }

  static func readsLocal(_ x: CheckedExpr) -> Bool {
    if case .local = x.kind { return true }
    return x.children.contains(where: readsLocal)
  }
}

extension BinaryOperator {
  var isEquality: Bool { self == .equal || self == .notEqual }
}
