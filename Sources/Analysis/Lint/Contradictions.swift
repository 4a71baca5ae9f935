import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Two rules of one regulation that can both apply to one initiative with incompatible
/// outcomes — allowed against prohibited, or a notification against a permit for the same
/// activity (the same scope) — without an exception (`overrides:`) that settles which one
/// prevails. Rules of different regulations are cumulative (an APV and the Alcoholwet each
/// regulate their own aspect; the strictest verdict holds), so they do not contradict.
enum Contradictions {
  static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let rules = context.rules
    for a in rules.indices {
      for b in rules.indices where b > a && incompatible(rules[a], rules[b]) {
        guard rules[a].rule.validity.overlaps(rules[b].rule.validity) else { continue }
        let outcome = context.search.find(rules: [a, b]) { facts in
          context.truths.applies(a, facts) && context.truths.applies(b, facts)
        }
        guard let witness = outcome.witness else { continue }
        let (first, second) = (rules[a].rule, rules[b].rule)
        diagnostics.append(
          context.finding(
            .error, AnalysisDiagnostics.contradiction,
            "rules '\(first.id)' (\(context.outcome(a))) and '\(second.id)' (\(context.outcome(b))) both apply to one initiative",
            at: second.idSpan, witness: witness,
            notes: [DiagnosticNote("'\(first.id)' is here", at: first.idSpan)],
            help: "declare which prevails with 'overrides: [\(first.id)]' on the more specific rule, or make the conditions exclusive"))
      }
    }
    return diagnostics
  }

  /// Allowed against prohibited; a notification against a permit with the same scope.
  static func incompatible(_ a: CompiledRule, _ b: CompiledRule) -> Bool {
    guard let first = a.rule.citation?.regulation, first == b.rule.citation?.regulation else { return false }
    let kinds = Set([a.rule.outcome.kind, b.rule.outcome.kind])
    if kinds.contains(.prohibited) && !kinds.isDisjoint(with: [.allowed, .allowedWithConditions]) { return true }
    if kinds == [.notification, .permit], let scope = a.scope?.checked.printed { return scope == b.scope?.checked.printed }
    return false
  }
}
