import RuleLanguage
import SourceDiagnostics

/// Turns a layered definition into a `CompiledRulebook`, reporting every problem.
enum RulebookCompiler {
  static func compile(_ definition: RulebookDefinition, chain: [String], diagnostics: inout [Diagnostic]) -> CompiledRulebook? {
    var facts = definition.facts
    if !facts.contains(where: { $0.name == "date" }) {
      let span = definition.span ?? definition.facts.first?.span ?? SourceFile(path: definition.directory, text: "").span(0, 0)
      facts.append(
        FactDeclaration(
          name: "date", type: .date, question: LocalizedText(["nl": "Op welke datum?", "en": "On what date?"]), help: LocalizedText(),
          adjustable: false, judgement: nil, valueLabels: [:], span: span))
    }
    let boundaries = epochBoundaries(definition)
    var epochs: [Epoch] = []
    for (index, validity) in boundaries.enumerated() {
      var epochDiagnostics: [Diagnostic] = []
      var compiler = EpochCompiler(definition: definition, facts: facts, validity: validity)
      let epoch = compiler.compile(diagnostics: &epochDiagnostics)
      epochDiagnostics = withoutFollowOns(epochDiagnostics, failedParameters: compiler.failedParameters)
      if index == 0 {
        diagnostics += epochDiagnostics
      } else {
        diagnostics += epochDiagnostics.filter { new in !diagnostics.contains(new) }
      }
      epochs.append(epoch)
    }
    let presumptions = Self.presumptions(facts, environment: epochs[0].environment, diagnostics: &diagnostics)
    guard !diagnostics.hasErrors else { return nil }
    let slots = Dictionary(uniqueKeysWithValues: facts.enumerated().map { ($1.name, $0) })
    return CompiledRulebook(
      definition: definition, chain: chain, epochs: epochs, facts: facts, dateSlot: slots["date"] ?? 0, slotsByName: slots,
      presumptions: presumptions)
  }

  /// The problems without their follow-ons, which are often in a file of the model that nobody
  /// touched: a rule or definition that reads a definition with errors is reported only when
  /// nothing else is (the definition's own problems are the cause, reported where they are), and
  /// an expression that reads a parameter whose value is wrong is not reported (the value is).
  static func withoutFollowOns(_ diagnostics: [Diagnostic], failedParameters: [String]) -> [Diagnostic] {
    let followOn = "expr.invalid-definition"
    guard diagnostics.contains(where: { $0.severity == .error && $0.code != followOn }) else { return diagnostics }
    let failed = Set(failedParameters)
    return diagnostics.filter { diagnostic in
      if diagnostic.code == followOn { return false }
      guard diagnostic.code.hasPrefix("expr."), !failed.isEmpty, let text = diagnostic.span?.text else { return true }
      let names = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
      return !names.contains { failed.contains(String($0)) }
    }
  }

  /// Each presumed judgement's value, read as a value of its fact's type.
  static func presumptions(_ facts: [FactDeclaration], environment: Environment, diagnostics: inout [Diagnostic]) -> [(slot: Int, value: Value)] {
    facts.enumerated().compactMap { slot, fact in
      guard let presumption = fact.judgement?.presumed else { return nil }
      var type = fact.type
      if case .list(let element) = type { type = element }
      let cases: [String]? = if case .enumeration(let name) = type { environment.enumeration(named: name)?.cases } else { nil }
      switch InputValueParser.value(presumption.valueText, as: fact.type, enumCases: cases) {
      case .success(let value):
        return (slot, value)
      case .failure(let problem):
        diagnostics.append(
          .error(
            RulebookDiagnostics.badValue, "the presumed value of '\(fact.name)': \(problem.message)", at: presumption.valueSpan,
            help: problem.help ?? "write a value of the fact's type, like 'no' for a yes/no fact"))
        return nil
      }
    }
  }

  /// The periods in which every parameter has one value: cut at each version's start and end.
  static func epochBoundaries(_ definition: RulebookDefinition) -> [Validity] {
    var cuts = Set<CalendarDay>()
    for parameter in definition.parameters where parameter.versions.count > 1 {
      for version in parameter.versions {
        if let from = version.validity.from { cuts.insert(from) }
        if let until = version.validity.until { cuts.insert(until.advanced(by: 1)) }
      }
    }
    guard !cuts.isEmpty else { return [.always] }
    let sorted = cuts.sorted()
    var periods = [Validity(from: nil, until: sorted[0].advanced(by: -1))]
    for (i, start) in sorted.enumerated() {
      periods.append(Validity(from: start, until: i + 1 < sorted.count ? sorted[i + 1].advanced(by: -1) : nil))
    }
    return periods
  }
}
