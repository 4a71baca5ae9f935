import RuleLanguage
import SourceDiagnostics

/// Compiles the rules with the parameter values of one period.
struct EpochCompiler {
  let definition: RulebookDefinition
  let facts: [FactDeclaration]
  let validity: Validity
  var environment = Environment()
  /// The parameters whose value is wrong (reported once; what reads them reports nothing more).
  var failedParameters: [String] = []

  init(definition: RulebookDefinition, facts: [FactDeclaration], validity: Validity) {
    self.definition = definition
    self.facts = facts
    self.validity = validity
  }

  mutating func compile(diagnostics: inout [Diagnostic]) -> Epoch {
    for enumeration in definition.enumerations {
      environment.declareEnumeration(enumeration.name, cases: enumeration.cases, at: enumeration.span)
    }
    declareFacts(diagnostics: &diagnostics)
    let parameterValues = declareParameters(diagnostics: &diagnostics)
    checkParameterCitations(diagnostics: &diagnostics)
    for declaration in definition.definitions {
      environment.declareDefinition(declaration.name, source: declaration.source, at: declaration.span)
    }
    diagnostics += environment.checkDefinitions()
    let constraints = definition.constraints.compactMap { constraint -> (ConstraintDeclaration, CompiledProgram)? in
      condition(constraint.check, diagnostics: &diagnostics).map { (constraint, $0) }
    }
    let rules = compileRules(diagnostics: &diagnostics)
    checkAmounts(diagnostics: &diagnostics)
    var definitionPrograms: [String: CompiledProgram] = [:]
    for definition in environment.definitions {
      if let checked = definition.checked { definitionPrograms[definition.name] = Compiler.compile(checked, in: environment) }
    }
    return Epoch(
      validity: validity, environment: environment, rules: rules, constraints: constraints, parameterValues: parameterValues,
      definitionPrograms: definitionPrograms)
  }

  mutating func declareFacts(diagnostics: inout [Diagnostic]) {
    for fact in facts {
      var element = fact.type
      if case .list(let inner) = element { element = inner }
      if case .enumeration(let name) = element, environment.enumeration(named: name) == nil {
        diagnostics.append(
          .error(
            RulebookDiagnostics.unknownType, "fact '\(fact.name)' has unknown type '\(name)'", at: fact.typeSpan ?? fact.span,
            help: Suggestions.didYouMean(name, in: definition.enumerations.map(\.name) + RulebookReader.typeNames)
              ?? "declare it under 'enums:', or use 'type: enum' with 'values:'"))
      }
      environment.declareFact(fact.name, type: fact.type, at: fact.span)
      for (reference, what) in [(fact.after, "after"), (fact.defaultFact, "default")] {
        guard let reference else { continue }
        guard let other = facts.first(where: { $0.name == reference }) else {
          diagnostics.append(
            .error(
              RulebookDiagnostics.unknownReference, "fact '\(fact.name)' names unknown fact '\(reference)' in '\(what)'",
              at: fact.span, help: Suggestions.didYouMean(reference, in: facts.map(\.name))))
          continue
        }
        if other.type != fact.type {
          diagnostics.append(
            .error(
              RulebookDiagnostics.badValue, "'\(what): \(reference)' of fact '\(fact.name)' has type '\(other.type)', not '\(fact.type)'",
              at: fact.span))
        }
      }
    }
  }

  mutating func condition(_ source: EmbeddedSource?, diagnostics: inout [Diagnostic]) -> CompiledProgram? {
    guard let source else { return nil }
    let (checked, problems) = environment.checkCondition(source)
    diagnostics += problems
    return checked.map { Compiler.compile($0, in: environment) }
  }

  /// A constant expression of one of `types` (a deadline, a fee).
  mutating func constant(_ source: EmbeddedSource?, _ types: [ValueType], what: String, diagnostics: inout [Diagnostic]) -> Value? {
    guard let source else { return nil }
    let (checked, problems) = environment.checkExpression(source)
    diagnostics += problems
    guard let checked else { return nil }
    guard types.contains(checked.type) else {
      diagnostics.append(
        .error(
          "expr.type-mismatch", "\(what) must be \(types.map { "'\($0)'" }.joined(separator: " or ")), found '\(checked.type)'",
          at: checked.span, help: "e.g. '10 werkdagen' or '8 weken'"))
      return nil
    }
    return Compiler.compile(checked, in: environment).evaluate(FactVector(count: 0))
  }
}
