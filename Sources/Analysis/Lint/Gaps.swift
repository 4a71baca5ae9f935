import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Gaps: the rules with one scope and different verdict levels decide an activity (a
/// notification for a small event, a permit for a large one). An initiative in that scope to
/// which none of them applies, nor an exception to one of them, gets no verdict for the activity.
enum Gaps {
  static func check(_ context: LintContext) -> [Diagnostic] {
    var families: [String: [Int]] = [:]
    var order: [String] = []
    for (index, compiled) in context.rules.enumerated() {
      guard compiled.level != nil, let scope = compiled.scope?.checked.printed else { continue }
      if families[scope] == nil { order.append(scope) }
      families[scope, default: []].append(index)
    }
    var diagnostics: [Diagnostic] = []
    for scope in order {
      let members = families[scope] ?? []
      guard Set(members.compactMap { context.rules[$0].level }).count >= 2 else { continue }
      var deciders = Set(members)
      for member in members { deciders.formUnion(context.rules[member].overriddenBy) }
      let first = members[0]
      let outcome = context.search.find(rules: members) { facts in
        var truth = context.truths.inScope(first, facts)
        for index in deciders where truth != .false { truth = truth && !context.truths.own(index, facts) }
        return truth
      }
      guard let witness = outcome.witness, let span = context.rules[first].scope?.checked.span else { continue }
      let names = members.map { "'\(context.rules[$0].rule.id)'" }.joined(separator: ", ")
      diagnostics.append(
        context.finding(
          .warning, AnalysisDiagnostics.gap, "an initiative in scope '\(scope)' can fall between rules \(names): none of them applies",
          at: span, witness: witness,
          notes: members.dropFirst().map { DiagnosticNote("rule '\(context.rules[$0].rule.id)' is here", at: context.rules[$0].rule.idSpan) },
          help: "make the conditions cover every case, e.g. a permit rule whose condition is the complement of the notification rule's"))
    }
    return diagnostics
  }
}
