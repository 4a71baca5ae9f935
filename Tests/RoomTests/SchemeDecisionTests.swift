import Engine
import Reports
import Rulebook
import RuleLanguage
import Testing

/// Schemes (grants, Right to Challenge) answer with a decision of their own, next to the verdict
/// on permission, never as a permit level.
@Suite struct SchemeDecisionTests {
  /// The examples that ask for a grant: every one shows the scheme's decision with the amount
  /// asked and the maximum, and its reasons when refused.
  @Test func everyGrantExampleShowsASchemeDecisionWithAmounts() throws {
    let grants = exampleEvaluations.filter { _, evaluation in
      evaluation.rulebook.slotsByName["subsidy_requested"].map { evaluation.facts[$0] == .bool(true) } ?? false
    }
    #expect(grants.count >= 4, "grant examples: \(grants.map(\.path))")
    for (path, evaluation) in grants {
      let scheme = try #require(evaluation.schemes.first, "\(path) has no scheme decision")
      #expect(scheme.asked != nil && scheme.maximum != nil, "\(path): amounts")
      if scheme.decision == .notEligible { #expect(!scheme.reasons.isEmpty, "\(path): reasons") }
      // The grant's rules never set the verdict level or appear as requirements.
      #expect(!evaluation.verdict.required.contains { $0.kind.decidesScheme }, "\(path)")
      #expect(!evaluation.verdict.decidedBy.contains { id in evaluation.finding(id)?.rule.rule.outcome.kind.decidesScheme == true })
      let text = EvaluationTextRenderer(language: "nl").render(evaluation)
      #expect(text.contains("Regeling: "), "\(path)")
      if evaluation.asksOnlyForSchemes { #expect(!text.contains("Oordeel: "), "\(path): a grant alone has no verdict level") }
    }
  }

  /// A street party asking € 900 where the street maximum is € 750: the party needs its
  /// notification, the grant is refused for the amount, and asking € 750 fits (confirmed by
  /// evaluating it).
  @Test func streetPartyWithTooLargeAGrant() throws {
    let evaluation = try #require(evaluations("Examples/den-haag/subsidie-straatfeest.yaml").first)
    #expect(evaluation.verdict.level == .notificationRequired)
    let scheme = try #require(evaluation.schemes.first { $0.scheme == "activiteitensubsidie" })
    #expect(scheme.decision == .notEligible)
    #expect(scheme.asked == .money(90_000) && scheme.maximum == .money(75_000))
    #expect(scheme.reasons.contains("activiteitensubsidie-te-hoog"))
    let room = try #require(scheme.room)
    #expect(room.to == .money(75_000) && room.decisionAfter == .eligible)
    let text = EvaluationTextRenderer(language: "nl").render(evaluation)
    #expect(text.contains("Regeling: Subsidie voor activiteiten in de wijk: niet toe te kennen — u vraagt € 900,00, het maximum is € 750,00"))
    #expect(text.contains("Vraag € 750,00 in plaats van € 900,00, dan past de aanvraag in de regeling."))
    #expect(!text.contains("Nodig:\n  - melding evenement (burgemeester) — APV Den Haag — evenement melden, evenement melden\n  - bedrag"))
  }

  /// A Right to Challenge without a foundation is not eligible, with the reason and the
  /// alternative; with one, it is eligible under the agreement's conditions.
  @Test func rightToChallengeIsASchemeDecision() throws {
    let refused = try #require(evaluations("Examples/gouda/right-to-challenge-zonder-stichting.yaml").first)
    #expect(refused.schemes.map(\.decision) == [.notEligible])
    #expect(refused.asksOnlyForSchemes)
    let granted = try #require(evaluations("Examples/gouda/right-to-challenge-park.yaml").first)
    #expect(granted.schemes.map(\.decision) == [.eligibleWithConditions])
    #expect(!(granted.schemes.first?.conditions.isEmpty ?? true))
  }
}
