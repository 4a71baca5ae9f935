import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Scopes and conditions no initiative satisfies, rules an exception always sets aside
/// (shadowed), and exceptions that never apply when the rule they override would.
enum Unsatisfiable {
  static func check(_ context: LintContext) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let truths = context.truths
    for (index, compiled) in context.rules.enumerated() {
      let rule = compiled.rule
      if let scope = compiled.scope {
        let outcome = context.search.find(rules: [index]) { truths.inScope(index, $0) }
        if outcome.provedNone && outcome.exact {
          diagnostics.append(unsatisfiable("scope", rule, scope, exact: outcome.exact, context))
          continue
        }
      }
      let own = context.search.find(rules: [index]) { truths.own(index, $0) }
      if own.provedNone && own.exact {
        if let condition = compiled.condition {
          diagnostics.append(unsatisfiable("condition", rule, condition, exact: own.exact, context))
        }
        continue
      }
      guard own.witness != nil else { continue }
      if !compiled.overriddenBy.isEmpty {
        let applies = context.search.find(rules: [index]) { truths.applies(index, $0) }
        if applies.provedNone && applies.exact {
          let names = compiled.overriddenBy.map { "'\(context.rules[$0].rule.id)'" }.joined(separator: ", ")
          diagnostics.append(
            context.finding(
              .warning, AnalysisDiagnostics.shadowed, "rule '\(rule.id)' never applies: \(names) set\(compiled.overriddenBy.count == 1 ? "s" : "") it aside whenever it would",
              at: rule.idSpan, witness: own.witness,
              notes: compiled.overriddenBy.map { DiagnosticNote("exception '\(context.rules[$0].rule.id)' is here", at: context.rules[$0].rule.idSpan) }
                + [DiagnosticNote("the witness meets the rule's condition, and an exception applies too")],
              help: "remove the rule, or narrow the exception's condition"))
        }
      }
      for (reference, target) in zip(rule.overrides, compiled.overrides) {
        let both = context.search.find(rules: [index, target]) { truths.own(index, $0) && truths.own(target, $0) }
        guard both.provedNone && both.exact else { continue }
        diagnostics.append(
          context.finding(
            .warning, AnalysisDiagnostics.exceptionNeverApplies,
            "exception '\(rule.id)' never applies when rule '\(reference.id)' would: overriding it changes nothing",
            at: reference.span, witness: own.witness,
            notes: [DiagnosticNote("rule '\(reference.id)' is here", at: context.rules[target].rule.idSpan),
              DiagnosticNote("the witness meets the exception, but not rule '\(reference.id)'")],
            help: "remove '\(reference.id)' from 'overrides', or check the conditions of both rules"))
      }
    }
    return diagnostics
  }

  static func unsatisfiable(_ what: String, _ rule: Rule, _ program: CompiledProgram, exact: Bool, _ context: LintContext) -> Diagnostic {
    context.finding(
      exact ? .error : .warning, AnalysisDiagnostics.unsatisfiable,
      "the \(what) of rule '\(rule.id)' holds for no initiative\(what == "condition" ? " in its scope" : "")\(exact ? "" : " among the values tried")", at: program.checked.span,
      witness: nil,
      notes: exact ? [] : [DiagnosticNote("the search is approximate here: the \(what) computes with facts (see Documentation/legal-tools.md)")],
      help: "check the comparisons: the rule can never apply")
  }
}
