import RuleLanguage
import SourceDiagnostics

extension EpochCompiler {
  mutating func compileRules(diagnostics: inout [Diagnostic]) -> [CompiledRule] {
    let rules = definition.rules
    let indexByID = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    var overrides: [[Int]] = Array(repeating: [], count: rules.count)
    var overriddenBy: [[Int]] = Array(repeating: [], count: rules.count)
    for (index, rule) in rules.enumerated() {
      for reference in rule.overrides {
        guard let target = indexByID[reference.id] else {
          diagnostics.append(
            .error(
              RulebookDiagnostics.unknownReference, "rule '\(rule.id)' overrides unknown rule '\(reference.id)'", at: reference.span,
              help: Suggestions.didYouMean(reference.id, in: rules.map(\.id))))
          continue
        }
        overrides[index].append(target)
        overriddenBy[target].append(index)
      }
    }
    let durations: [ValueType] = [.duration, .workingDays]
    return rules.enumerated().map { index, rule in
      checkCitation(rule.citation, at: rule.idSpan, diagnostics: &diagnostics)
      for room in rule.room { checkCitation(room.citation, at: rule.idSpan, diagnostics: &diagnostics) }
      if rule.outcome.kind.decidesScheme, rule.citation == nil {
        diagnostics.append(
          .error(
            RulebookDiagnostics.missingKey, "rule '\(rule.id)' decides a scheme but cites none", at: rule.idSpan,
            help: "cite the scheme's regulation: 'citation: {regulation: …, article: …}'"))
      }
      checkTemplates(rule, diagnostics: &diagnostics)
      return CompiledRule(
        rule: rule, index: index, scope: condition(rule.scope, diagnostics: &diagnostics),
        condition: condition(rule.condition, diagnostics: &diagnostics), overrides: overrides[index],
        overriddenBy: overriddenBy[index],
        deadline: constant(rule.procedure?.deadline, durations, what: "a deadline", diagnostics: &diagnostics),
        decisionPeriod: constant(rule.procedure?.decisionPeriod, durations, what: "a decision period", diagnostics: &diagnostics),
        fee: constant(rule.procedure?.fee, [.money], what: "a fee", diagnostics: &diagnostics),
        roomDeadlines: rule.room.map { constant($0.deadline, durations, what: "a deadline", diagnostics: &diagnostics) })
    }
  }

  /// The citations of parameters name regulations of the rulebook. (A presumed judgement of
  /// the national vocabulary may cite the APV of the rulebooks built on it, so its citation is
  /// not checked here.)
  func checkParameterCitations(diagnostics: inout [Diagnostic]) {
    for parameter in definition.parameters { checkCitation(parameter.citation, at: parameter.span, diagnostics: &diagnostics) }
  }

  /// A citation names a regulation of the rulebook; reported where the regulation is named
  /// (`fallback` only for a citation read without its position).
  func checkCitation(_ citation: Citation?, at fallback: SourceSpan, diagnostics: inout [Diagnostic]) {
    guard let citation, !definition.regulations.contains(where: { $0.id == citation.regulation }) else { return }
    diagnostics.append(
      .error(
        RulebookDiagnostics.unknownReference, "citation names unknown regulation '\(citation.regulation)'", at: citation.regulationSpan ?? fallback,
        help: Suggestions.didYouMean(citation.regulation, in: definition.regulations.map(\.id)) ?? "declare it under 'regulations:'"))
  }

  /// The amounts of a grant scheme must name facts, parameters or definitions.
  func checkAmounts(diagnostics: inout [Diagnostic]) {
    let names = Set(facts.map(\.name) + definition.parameters.map(\.name) + definition.definitions.map(\.name))
    for regulation in definition.regulations {
      guard let amount = regulation.amount else { continue }
      for name in [amount.asked, amount.maximum] where !names.contains(name) {
        diagnostics.append(
          .error(
            RulebookDiagnostics.unknownReference, "the amount of scheme '\(regulation.id)' names unknown '\(name)'", at: amount.span,
            // Sorted, so that a tie between two names gives the same advice every run.
            help: Suggestions.didYouMean(name, in: names.sorted()) ?? "name a fact, parameter or definition"))
      }
    }
  }

  /// Every `{name}` in an explanation must name a fact, parameter or definition.
  func checkTemplates(_ rule: Rule, diagnostics: inout [Diagnostic]) {
    let names = Set(facts.map(\.name) + definition.parameters.map(\.name) + definition.definitions.map(\.name))
    for text in [rule.explanation, rule.explanationNotApplying] {
      for (language, template) in text.texts.sorted(by: { $0.key < $1.key }) {
        for placeholder in ExplanationTemplate.placeholders(in: template) where !names.contains(placeholder) {
          diagnostics.append(
            .error(
              RulebookDiagnostics.template, "explanation (\(language)) of rule '\(rule.id)' quotes unknown name '{\(placeholder)}'",
              at: rule.idSpan, help: Suggestions.didYouMean(placeholder, in: names) ?? "quote a fact, parameter or definition"))
        }
      }
    }
  }
}
