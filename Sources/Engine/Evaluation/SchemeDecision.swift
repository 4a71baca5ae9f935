import Rulebook
import RuleLanguage

/// What a scheme (a grant, a Right to Challenge, an adoption agreement) decides about an
/// initiative that asks for it: a decision of its own, apart from the verdict on permission.
public struct SchemeDecision: Sendable, Hashable {
  public enum Decision: String, Sendable, Hashable, CaseIterable {
    case eligible
    case eligibleWithConditions = "eligible_with_conditions"
    case notEligible = "not_eligible"
    case undetermined

    public var label: LocalizedText {
      switch self {
      case .eligible: LocalizedText(["nl": "toe te kennen", "en": "eligible"])
      case .eligibleWithConditions: LocalizedText(["nl": "toe te kennen onder voorwaarden", "en": "eligible with conditions"])
      case .notEligible: LocalizedText(["nl": "niet toe te kennen", "en": "not eligible"])
      case .undetermined: LocalizedText(["nl": "nog niet te bepalen", "en": "not yet determined"])
      }
    }
  }

  /// A change of the amount asked that makes the scheme grant it.
  public struct AmountRoom: Sendable, Hashable {
    public var from: Value
    public var to: Value
    public var decisionAfter: Decision
  }

  /// The scheme's regulation id.
  public var scheme: String
  public var title: LocalizedText
  public var decision: Decision
  /// The amount asked, the most the scheme grants, and what it can grant for this initiative
  /// (nil when unknown, or when it grants nothing for other reasons).
  public var asked: Value?
  public var maximum: Value?
  public var grantable: Value?
  /// The rules that decide it: the reasons for a refusal, or the conditions and the grant.
  public var reasons: [String]
  /// The rules that could still decide it, when undetermined.
  public var open: [String]
  /// Conditions attached by the rules that grant it.
  public var conditions: [LocalizedText]
  public var citation: Citation?
  public var authority: String?
  public var room: AmountRoom?
}

extension Evaluator {
  /// The decision of every scheme that rules in scope decide: a refusal from any rule that
  /// applies wins; then one that may still apply leaves it open; then a grant under conditions,
  /// a plain grant, and, where the scheme's granting rules all fail, a refusal for that reason.
  ///
  /// - Complexity: O(*r*) over the findings, plus one evaluation without traces per scheme that
  ///   refuses an amount above its maximum (to confirm the smaller amount).
  func schemeDecisions(_ findings: [Finding], facts: FactVector, on day: CalendarDay?, withRoom: Bool) -> [SchemeDecision] {
    var order: [String] = []
    var byScheme: [String: [Finding]] = [:]
    for finding in findings {
      let rule = finding.rule.rule
      guard rule.outcome.kind.decidesScheme, let regulation = rule.citation?.regulation else { continue }
      if byScheme[regulation] == nil { order.append(regulation) }
      byScheme[regulation, default: []].append(finding)
    }
    return order.compactMap { scheme in
      let findings = byScheme[scheme]!
      guard findings.contains(where: { $0.reason != .outOfScope }) else { return nil }
      var decided = Self.schemeDecision(scheme, findings, rulebook: rulebook)
      if let amount = decided.regulation?.amount {
        decided.result.asked = known(rulebook.value(of: amount.asked, facts: facts, on: day))
        decided.result.maximum = known(rulebook.value(of: amount.maximum, facts: facts, on: day))
        decided.result.grantable = grantable(decided.result)
        if withRoom { decided.result.room = amountRoom(decided.result, asked: amount.asked, facts: facts, on: day) }
      }
      return decided.result
    }
  }

  static func schemeDecision(_ scheme: String, _ findings: [Finding], rulebook: CompiledRulebook) -> (
    result: SchemeDecision, regulation: Regulation?
  ) {
    let regulation = rulebook.definition.regulations.first { $0.id == scheme }
    func ids(_ kind: Outcome.Kind, _ status: FindingStatus) -> [Finding] {
      findings.filter { $0.rule.rule.outcome.kind == kind && $0.status == status }
    }
    let granting = findings.filter { $0.rule.rule.outcome.kind != .notEligible }
    let decision: SchemeDecision.Decision
    var reasons: [Finding] = []
    var open: [Finding] = []
    if !ids(.notEligible, .applies).isEmpty {
      (decision, reasons) = (.notEligible, ids(.notEligible, .applies))
    } else if !ids(.notEligible, .undetermined).isEmpty || granting.contains(where: { $0.status == .undetermined }) {
      decision = .undetermined
      open = findings.filter { $0.status == .undetermined }
    } else if !ids(.eligibleWithConditions, .applies).isEmpty {
      (decision, reasons) = (.eligibleWithConditions, ids(.eligibleWithConditions, .applies))
    } else if !ids(.eligible, .applies).isEmpty || granting.isEmpty {
      (decision, reasons) = (.eligible, ids(.eligible, .applies))
    } else {
      (decision, reasons) = (.notEligible, granting.filter { $0.reason == .conditionFails })
    }
    let first = reasons.first ?? findings.first
    let conditions = reasons.filter { $0.status == .applies }.flatMap { $0.rule.rule.outcome.conditions }
    return (
      SchemeDecision(
        scheme: scheme, title: regulation?.title ?? LocalizedText(), decision: decision, reasons: reasons.map(\.rule.rule.id),
        open: open.map(\.rule.rule.id), conditions: decision == .notEligible ? [] : conditions, citation: first?.rule.rule.citation,
        authority: regulation?.authority ?? first?.rule.rule.outcome.authority),
      regulation
    )
  }

  private func known(_ value: Value) -> Value? { value.isUnknown ? nil : value }

  /// What a grant can pay: the amount asked when granted, nothing known otherwise.
  private func grantable(_ decision: SchemeDecision) -> Value? {
    switch decision.decision {
    case .eligible, .eligibleWithConditions: decision.asked
    case .notEligible, .undetermined: nil
    }
  }

  /// Asking the maximum instead of more: offered only when evaluating the initiative with that
  /// amount confirms a better decision.
  private func amountRoom(_ decision: SchemeDecision, asked name: String, facts: FactVector, on day: CalendarDay?)
    -> SchemeDecision.AmountRoom?
  {
    guard decision.decision == .notEligible, let asked = decision.asked, let maximum = decision.maximum,
      let slot = rulebook.slotsByName[name], Value.order(asked, maximum) == 1
    else { return nil }
    var changed = facts
    changed[slot] = maximum
    let findings = evaluate(Initiative(id: "", facts: []), facts: changed, asOf: day, traces: false).findings
    let after = Self.schemeDecision(decision.scheme, findings.filter { $0.rule.rule.citation?.regulation == decision.scheme }, rulebook: rulebook)
    guard after.result.decision == .eligible || after.result.decision == .eligibleWithConditions else { return nil }
    return SchemeDecision.AmountRoom(from: asked, to: maximum, decisionAfter: after.result.decision)
  }
}
