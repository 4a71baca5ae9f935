import Engine
import Rulebook
import RuleLanguage

/// What the authority may decide: the exemptions, hardship and experiment clauses of the rules
/// that go against the initiative, and for each policy rule among them the duty to deviate
/// where its consequences would be disproportionate (art. 4:84 Awb).
enum Discretion {
  /// Findings that go against the initiative: they apply (or may) and ask something, forbid,
  /// or refuse a scheme. A rule not yet known to be about the initiative (its scope is open)
  /// offers no room: a street party of unknown kind gets no advice on dormers.
  static func against(_ evaluation: Evaluation) -> [Finding] {
    evaluation.findings.filter { finding in
      finding.status != .doesNotApply && !finding.scopeOpen
        && ((finding.rule.level ?? .allowed) > .allowed || finding.rule.rule.outcome.kind == .notEligible)
    }
  }

  /// - Complexity: O(*f* · *d*) for *f* findings with *d* room declarations each.
  static func items(_ evaluation: Evaluation) -> [DiscretionItem] {
    var items: [DiscretionItem] = []
    for finding in against(evaluation) {
      let compiled = finding.rule
      let rule = compiled.rule
      for (position, room) in rule.room.enumerated() {
        let kind: DiscretionItem.Kind
        switch room.kind {
        case .exemption: kind = .exemption
        case .hardship: kind = .hardship
        case .experiment: kind = .experiment
        case .alternative: continue
        }
        let deadline = position < compiled.roomDeadlines.count ? compiled.roomDeadlines[position] : nil
        items.append(
          DiscretionItem(
            kind: kind, rule: rule.id, grantedBy: room.grantedBy ?? rule.outcome.authority, description: room.description,
            askBy: deadline.flatMap { Deadlines.latestDay(before: evaluation.initiative.date, deadline: $0) }, deadline: deadline,
            citation: room.citation ?? rule.citation))
      }
      // A hardship clause that cites art. 4:84 Awb already states the duty to deviate.
      let statesDeviation = rule.room.contains { $0.kind == .hardship && $0.citation?.article == "4:84" }
      if !statesDeviation, let citation = rule.citation, evaluation.rulebook.regulation(citation.regulation)?.kind == .policyRule {
        let regulation = evaluation.rulebook.regulation(citation.regulation)
        items.append(
          DiscretionItem(
            kind: .policyDeviation, rule: rule.id, grantedBy: regulation?.authority ?? rule.outcome.authority,
            description: LocalizedText(), askBy: nil, deadline: nil, citation: citation))
      }
    }
    return items
  }

  /// The alternatives the rules against the initiative declare.
  static func alternatives(_ evaluation: Evaluation) -> [AlternativeRoute] {
    against(evaluation).flatMap { finding in
      finding.rule.rule.room.filter { $0.kind == .alternative }.map {
        AlternativeRoute(
          rule: finding.rule.rule.id, grantedBy: $0.grantedBy, description: $0.description, citation: $0.citation ?? finding.rule.rule.citation)
      }
    }
  }
}
