/// A function expressions can call: its name, how it types its arguments, and its
/// implementation. Register new ones in a `BuiltinRegistry`; the parser needs no change.
public struct Builtin: Sendable {
  /// The name as written in rules.
  public let name: String
  /// A one-line description for the language reference.
  public let summary: String
  /// How many arguments it takes.
  public let arity: ClosedRange<Int>
  /// The result type for the argument types, or which argument is wrong.
  public let typing: @Sendable ([ValueType]) -> BuiltinTyping
  /// Whether an unknown argument makes the result unknown without calling `implementation`.
  public let strict: Bool
  /// Computes the result from known (if `strict`) argument values.
  public let implementation: @Sendable ([Value]) -> Value

  public init(
    name: String, summary: String, arity: ClosedRange<Int>, strict: Bool = true,
    typing: @escaping @Sendable ([ValueType]) -> BuiltinTyping,
    implementation: @escaping @Sendable ([Value]) -> Value
  ) {
    self.name = name
    self.summary = summary
    self.arity = arity
    self.strict = strict
    self.typing = typing
    self.implementation = implementation
  }

  /// A builtin with one fixed signature.
  public static func fixed(
    _ name: String, _ parameters: [ValueType], returns result: ValueType, summary: String,
    implementation: @escaping @Sendable ([Value]) -> Value
  ) -> Builtin {
    Builtin(name: name, summary: summary, arity: parameters.count...parameters.count, typing: { types in
      for (index, (type, parameter)) in zip(types, parameters).enumerated() where ValueType.common(type, parameter) != parameter {
        return .badArgument(index, expected: parameter.description)
      }
      return .result(result)
    }, implementation: implementation)
  }
}

/// The outcome of typing a call.
public enum BuiltinTyping: Sendable {
  case result(ValueType)
  /// Argument `index` has the wrong type; `expected` describes what fits.
  case badArgument(Int, expected: String)
}

/// The functions available to expressions, by name.
public struct BuiltinRegistry: Sendable {
  public private(set) var builtins: [String: Builtin] = [:]

  public init(_ builtins: [Builtin] = []) {
    for builtin in builtins { register(builtin) }
  }

  /// Adds or replaces a builtin.
  public mutating func register(_ builtin: Builtin) {
    builtins[builtin.name] = builtin
  }

  /// The builtin called `name`.
  public subscript(name: String) -> Builtin? { builtins[name] }

  /// All names, sorted.
  public var names: [String] { builtins.keys.sorted() }

  /// The standard library: calendar, time, number and list functions.
  public static let standard = BuiltinRegistry(
    StandardBuiltins.calendar + StandardBuiltins.time + StandardBuiltins.numbers + StandardBuiltins.lists)
}
