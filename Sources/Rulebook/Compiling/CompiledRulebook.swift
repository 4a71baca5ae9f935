import RuleLanguage
import SourceDiagnostics

/// A layered, checked and compiled rulebook: immutable and `Sendable`, shared by every
/// evaluation (batch workers, server requests). A class, so that sharing it copies nothing.
public final class CompiledRulebook: Sendable {
  /// The layered definition (rules, vocabulary, regulations).
  public let definition: RulebookDefinition
  /// The rulebooks it is built from, root first (`national`, `model-apv`, `borne`).
  public let chain: [String]
  /// One compiled form per period in which all parameter values are constant (usually one).
  public let epochs: [Epoch]
  /// The facts in slot order.
  public let facts: [FactDeclaration]
  /// The slot of the initiative's date, filled from its `date`.
  public let dateSlot: Int
  /// Fact slots by name.
  public let slotsByName: [String: Int]
  /// `(slot, anchor)` for each time fact that is on the next day when not after its anchor.
  public let nextDayLinks: [(slot: Int, anchor: Int)]
  /// `(slot, fallback)` for each fact that takes another fact's value when not given.
  public let defaultLinks: [(slot: Int, fallback: Int)]
  /// The enumeration cases of each fact's type, by slot (nil for a fact of another type).
  public let casesBySlot: [[String]?]
  /// `(slot, value)` for each judgement fact presumed to have its ordinary value until the
  /// official assesses it.
  public let presumptions: [(slot: Int, value: Value)]
  /// What evaluators derive from it once (their decision plans).
  public let derived = DerivedValues()

  init(
    definition: RulebookDefinition, chain: [String], epochs: [Epoch], facts: [FactDeclaration], dateSlot: Int, slotsByName: [String: Int],
    presumptions: [(slot: Int, value: Value)] = []
  ) {
    self.definition = definition
    self.presumptions = presumptions
    self.chain = chain
    self.epochs = epochs
    self.facts = facts
    self.dateSlot = dateSlot
    self.slotsByName = slotsByName
    nextDayLinks = facts.enumerated().compactMap { slot, fact in fact.after.flatMap { slotsByName[$0] }.map { (slot, $0) } }
    defaultLinks = facts.enumerated().compactMap { slot, fact in fact.defaultFact.flatMap { slotsByName[$0] }.map { (slot, $0) } }
    casesBySlot = facts.map { Self.enumCases(of: $0, in: epochs[0].environment) }
  }

  public var id: String { definition.id }

  /// The value of a fact, parameter or definition by name, for `facts` on `day`; unknown for
  /// a name the rulebook does not declare.
  public func value(of name: String, facts: FactVector, on day: CalendarDay?) -> Value {
    if let slot = slotsByName[name] { return facts[slot] }
    let epoch = epoch(on: day)
    if let value = epoch.parameterValues[name] { return value }
    if let program = epoch.definitionPrograms[name] { return program.evaluate(facts) }
    return .unknown
  }

  /// The same rulebook compiled again from its definition: equal in every answer, but sharing
  /// none of its compiled objects with this one. For a thread that evaluates in bulk, so that
  /// threads do not contend for the reference counts of the same rules and programs.
  public func compiledAgain() -> CompiledRulebook {
    var diagnostics: [Diagnostic] = []
    return RulebookCompiler.compile(definition, chain: chain, diagnostics: &diagnostics) ?? self
  }

  /// The epoch in force on `day` (the first one when no day is given).
  public func epoch(on day: CalendarDay?) -> Epoch {
    guard let day else { return epochs[0] }
    return epochs.first { $0.validity.contains(day) } ?? epochs[0]
  }

  /// The regulation with `id`.
  /// The link of a citation: its own, else its regulation's (see `Regulation.link`).
  public func link(of citation: Citation) -> String? {
    citation.url ?? regulation(citation.regulation)?.link(article: citation.article, paragraph: citation.paragraph)
  }

  public func regulation(_ id: String) -> Regulation? {
    definition.regulations.first { $0.id == id }
  }

  /// A fact's enumeration cases by their labels, in every language, as `InputValueParser`
  /// normalises them ("Geen monument" → `geen_monument`): a value may be written as the option
  /// a person reads. Nil for a fact of another type.
  public func casesByLabel(slot: Int) -> [String: String]? {
    derived.value(CasesByLabel.self) { CasesByLabel(self) }.bySlot[slot]
  }

  struct CasesByLabel: Sendable {
    let bySlot: [[String: String]?]

    init(_ rulebook: CompiledRulebook) {
      bySlot = rulebook.facts.map { fact in
        var type = fact.type
        if case .list(let element) = type { type = element }
        guard case .enumeration(let name) = type,
          let enumeration = rulebook.definition.enumerations.first(where: { $0.name == name })
        else { return nil }
        var map: [String: String] = [:]
        for (value, label) in enumeration.labels {
          for text in label.texts.values { map[InputValueParser.labelKey(text)] = value }
        }
        return map.isEmpty ? nil : map
      }
    }
  }

  /// The enumeration cases of a fact's type (or its list element's type).
  public func enumCases(of fact: FactDeclaration) -> [String]? {
    Self.enumCases(of: fact, in: epochs[0].environment)
  }

  private static func enumCases(of fact: FactDeclaration, in environment: Environment) -> [String]? {
    var type = fact.type
    if case .list(let element) = type { type = element }
    guard case .enumeration(let name) = type else { return nil }
    return environment.enumeration(named: name)?.cases
  }
}

/// The rules compiled with the parameter values of one period.
public final class Epoch: Sendable {
  public let validity: Validity
  public let environment: Environment
  public let rules: [CompiledRule]
  public let constraints: [(declaration: ConstraintDeclaration, program: CompiledProgram)]
  /// Parameter values in this period, by name.
  public let parameterValues: [String: Value]
  /// Each definition compiled on its own, for quoting its value in explanations.
  public let definitionPrograms: [String: CompiledProgram]

  init(
    validity: Validity, environment: Environment, rules: [CompiledRule],
    constraints: [(declaration: ConstraintDeclaration, program: CompiledProgram)], parameterValues: [String: Value],
    definitionPrograms: [String: CompiledProgram]
  ) {
    self.validity = validity
    self.environment = environment
    self.rules = rules
    self.constraints = constraints
    self.parameterValues = parameterValues
    self.definitionPrograms = definitionPrograms
  }
}

/// A rule with its scope and condition compiled.
public final class CompiledRule: Sendable {
  public let rule: Rule
  /// Position in `Epoch.rules`.
  public let index: Int
  public let scope: CompiledProgram?
  public let condition: CompiledProgram?
  /// Indices of the rules this one sets aside when it applies.
  public let overrides: [Int]
  /// Indices of the rules that set this one aside.
  public let overriddenBy: [Int]
  /// The procedure's deadline, evaluated (a duration or a number of working days).
  public let deadline: Value?
  public let decisionPeriod: Value?
  public let fee: Value?
  /// Deadlines of the declared room, in declaration order (nil where none is given).
  public let roomDeadlines: [Value?]
  /// The outcome's level (nil for an information duty), kept apart for the hot path.
  public let level: VerdictLevel?

  init(
    rule: Rule, index: Int, scope: CompiledProgram?, condition: CompiledProgram?, overrides: [Int], overriddenBy: [Int],
    deadline: Value?, decisionPeriod: Value?, fee: Value?, roomDeadlines: [Value?]
  ) {
    self.rule = rule
    self.index = index
    self.scope = scope
    self.condition = condition
    self.overrides = overrides
    self.overriddenBy = overriddenBy
    self.deadline = deadline
    self.decisionPeriod = decisionPeriod
    self.fee = fee
    self.roomDeadlines = roomDeadlines
    level = rule.outcome.level
  }
}
