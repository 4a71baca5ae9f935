import SourceDiagnostics

/// The names an expression can use: facts, parameters, enumerations and definitions, declared
/// by the rulebook layer, plus the builtin functions.
///
///     var env = Environment()
///     env.declareEnumeration("activity_kind", cases: ["straatfeest", "buurtbarbecue"])
///     let visitors = env.declareFact("visitors", type: .integer)
///     env.declareFact("activity", type: .enumeration("activity_kind"))
///     env.declareParameter("max_visitors", value: .integer(150))
///     env.declareDefinition("large", source: EmbeddedSource(standalone: "visitors > max_visitors"))
///     let (checked, diagnostics) = env.checkCondition(EmbeddedSource(standalone: "not large"))
public struct Environment: Sendable {
  /// A fact: a value of the initiative, read from slot `slot` of a `FactVector`.
  public struct FactSymbol: Sendable {
    /// The name used in expressions.
    public var name: String
    public var type: ValueType
    public var slot: Int
    public var span: SourceSpan?
  }

  /// A named constant of the rulebook (a threshold such as `max_visitors`).
  public struct ParameterSymbol: Sendable {
    public var name: String
    public var value: Value
    public var type: ValueType
    public var span: SourceSpan?
  }

  /// A named closed set of cases.
  public struct EnumerationSymbol: Sendable {
    public var name: String
    public var cases: [String]
    public var span: SourceSpan?
  }

  /// A derived value: a name for an expression over facts, evaluated at most once per fact vector.
  public struct DefinitionSymbol: Sendable {
    public var name: String
    public var source: EmbeddedSource
    public var span: SourceSpan?
    /// Its index, which is also its memo slot at evaluation time.
    public var index: Int
    /// The checked body, once checked without errors.
    public internal(set) var checked: CheckedExpr?
    var state: CheckState = .unchecked
  }

  enum CheckState: Sendable { case unchecked, inProgress, done, failed }

  /// The facts, by slot.
  public private(set) var facts: [FactSymbol] = []
  /// The parameters, in declaration order.
  public private(set) var parameters: [ParameterSymbol] = []
  /// The enumerations, in declaration order.
  public private(set) var enumerations: [EnumerationSymbol] = []
  /// The definitions, by index (their memo slot).
  public internal(set) var definitions: [DefinitionSymbol] = []
  /// The functions expressions may call.
  public var builtins: BuiltinRegistry

  var symbolsByName: [String: Symbol] = [:]
  var enumerationsByName: [String: Int] = [:]
  var pendingDiagnostics: [Diagnostic] = []
  /// The id for the next parsed node, so ids are unique across all expressions checked here.
  public internal(set) var nextNodeID = 0
  /// Definitions being checked, innermost last (for naming cycles).
  var definitionStack: [Int] = []
  /// The number of lambda variables allocated (each gets its own local slot).
  public internal(set) var localCount = 0

  enum Symbol: Sendable {
    case fact(Int), parameter(Int), definition(Int)
  }

  /// An empty environment with the standard builtins.
  public init(builtins: BuiltinRegistry = .standard) {
    self.builtins = builtins
  }

  /// Declares a fact and returns its slot in a `FactVector`.
  @discardableResult
  public mutating func declareFact(_ name: String, type: ValueType, at span: SourceSpan? = nil) -> Int {
    let slot = facts.count
    guard claim(name, at: span) else { return symbolsByName[name].flatMap(factSlot) ?? slot }
    facts.append(FactSymbol(name: name, type: type, slot: slot, span: span))
    symbolsByName[name] = .fact(slot)
    return slot
  }

  /// Declares a named constant; its type is inferred from the value unless given
  /// (give it for enumeration values: `.enumeration("zone")`).
  public mutating func declareParameter(_ name: String, value: Value, type: ValueType? = nil, at span: SourceSpan? = nil) {
    guard claim(name, at: span) else { return }
    let resolved = type ?? value.valueType ?? .integer
    symbolsByName[name] = .parameter(parameters.count)
    parameters.append(ParameterSymbol(name: name, value: value, type: resolved, span: span))
  }

  /// Declares an enumeration; facts and parameters refer to it as `.enumeration(name)`.
  public mutating func declareEnumeration(_ name: String, cases: [String], at span: SourceSpan? = nil) {
    if enumerationsByName[name] != nil {
      pendingDiagnostics.append(
        .error("expr.duplicate-name", "enumeration '\(name)' is declared twice", at: span, help: "rename or remove one of them"))
      return
    }
    enumerationsByName[name] = enumerations.count
    enumerations.append(EnumerationSymbol(name: name, cases: cases, span: span))
  }

  /// Declares a definition: a name for the expression in `source`. It is checked by
  /// `checkDefinitions()` or when first used.
  public mutating func declareDefinition(_ name: String, source: EmbeddedSource, at span: SourceSpan? = nil) {
    guard claim(name, at: span) else { return }
    symbolsByName[name] = .definition(definitions.count)
    definitions.append(DefinitionSymbol(name: name, source: source, span: span, index: definitions.count))
  }

  /// The slot of a fact by name.
  public func factSlot(named name: String) -> Int? {
    symbolsByName[name].flatMap(factSlot)
  }

  /// The enumeration named `name`.
  public func enumeration(named name: String) -> EnumerationSymbol? {
    enumerationsByName[name].map { enumerations[$0] }
  }

  func factSlot(_ symbol: Symbol) -> Int? {
    if case .fact(let slot) = symbol { return slot }
    return nil
  }

  mutating func claim(_ name: String, at span: SourceSpan?) -> Bool {
    guard symbolsByName[name] == nil else {
      pendingDiagnostics.append(
        .error("expr.duplicate-name", "name '\(name)' is declared twice", at: span, help: "facts, parameters and definitions share one namespace"))
      return false
    }
    return true
  }

  /// Every name a bare identifier may refer to (for did-you-mean).
  var allNames: [String] { facts.map(\.name) + parameters.map(\.name) + definitions.map(\.name) }
}
