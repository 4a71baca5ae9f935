import Rulebook
import RuleLanguage
import SourceDiagnostics

/// Gaps: the rules of one regulation with one scope and different verdict levels decide an
/// activity (a notification for a small event, a permit for a large one). An initiative in that
/// scope to which no rule of the regulation with a verdict level applies, nor an exception to
/// one, gets no verdict for the activity.
enum Gaps {
  static func check(_ context: LintContext) -> [Diagnostic] {
    var families: [String: [Int]] = [:]
    var order: [String] = []
    for (index, compiled) in context.rules.enumerated() {
      guard compiled.level != nil, let scope = compiled.scope?.checked.printed else { continue }
      let key = "\(compiled.rule.citation?.regulation ?? "")\u{1F}\(scope)"
      if families[key] == nil { order.append(key) }
      families[key, default: []].append(index)
    }
    var diagnostics: [Diagnostic] = []
    for key in order {
      let members = families[key] ?? []
      guard Set(members.compactMap { context.rules[$0].level }).count >= 2 else { continue }
      let scope = context.rules[members[0]].scope?.checked.printed ?? ""
      let regulation = context.rules[members[0]].rule.citation?.regulation
      var deciders = Set(members)
      for (index, compiled) in context.rules.enumerated() where compiled.level != nil && compiled.rule.citation?.regulation == regulation {
        deciders.insert(index)
      }
      for member in members { deciders.formUnion(context.rules[member].overriddenBy) }
      let first = members[0]
      let outcome = context.search.find(rules: Array(deciders).sorted()) { facts in
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
