import Engine
import Rulebook
import RuleLanguage

/// Findings that rest on judgement facts: an official assesses them, so the outcome has
/// assessment room. Every rule in scope whose condition reads a judgement fact counts, also
/// when it does not apply now (the official may judge otherwise).
enum OpenNorms {
  /// - Complexity: O(*f* · *j*) for *f* findings and *j* judgement facts.
  static func items(_ evaluation: Evaluation, index: ThresholdIndex) -> [OpenNorm] {
    let facts = evaluation.rulebook.facts
    var items: [OpenNorm] = []
    for (slot, fact) in facts.enumerated() {
      guard let judgement = fact.judgement else { continue }
      for ruleIndex in index.rulesReading[slot] {
        guard let finding = evaluation.finding(evaluation.rulebook.epoch(on: evaluation.asOf).rules[ruleIndex].rule.id),
          finding.reason != .outOfScope, finding.reason != .overridden, !finding.scopeOpen
        else { continue }
        let rule = finding.rule.rule
        items.append(
          OpenNorm(
            rule: rule.id, fact: fact.name, value: evaluation.facts[slot], assessedBy: judgement.assessedBy, turnsOn: judgement.turnsOn,
            status: finding.status, citation: rule.citation))
      }
    }
    return items
  }
}
