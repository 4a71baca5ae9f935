import RuleLanguage
import SourceDiagnostics

/// A layered, checked and compiled rulebook: immutable and `Sendable`, shared by every
/// evaluation (batch workers, server requests).
public struct CompiledRulebook: Sendable {
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

  public var id: String { definition.id }

  /// The epoch in force on `day` (the first one when no day is given).
  public func epoch(on day: CalendarDay?) -> Epoch {
    guard let day else { return epochs[0] }
    return epochs.first { $0.validity.contains(day) } ?? epochs[0]
  }

  /// The regulation with `id`.
  public func regulation(_ id: String) -> Regulation? {
    definition.regulations.first { $0.id == id }
  }

  /// The enumeration cases of a fact's type (or its list element's type).
  public func enumCases(of fact: FactDeclaration) -> [String]? {
    var type = fact.type
    if case .list(let element) = type { type = element }
    guard case .enumeration(let name) = type else { return nil }
    return epochs[0].environment.enumeration(named: name)?.cases
  }
}

/// The rules compiled with the parameter values of one period.
public struct Epoch: Sendable {
  public let validity: Validity
  public let environment: Environment
  public let rules: [CompiledRule]
  public let constraints: [(declaration: ConstraintDeclaration, program: CompiledProgram)]
  /// Parameter values in this period, by name.
  public let parameterValues: [String: Value]
  /// Each definition compiled on its own, for quoting its value in explanations.
  public let definitionPrograms: [String: CompiledProgram]
}

/// A rule with its scope and condition compiled.
public struct CompiledRule: Sendable {
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
}
