import Engine
import Rulebook
import RuleLanguage

extension JSONSchemas {
  /// The bound of a whole number without a declared one: the reader's 64 bits.
  static let largestInteger = Int64.max

  /// The bound of an amount without a declared one: the reader's (`InputValueParser.largestAmount`).
  static let largestAmount = InputValueParser.largestAmount.integerValue ?? 0

  /// The facts object of `schemas`, by name, closed: no other names.
  public static func apiFacts(_ schemas: [(name: String, schema: JSONValue)]) -> JSONValue {
    .object([
      ("type", .array([.string("object"), .string("null")])), ("properties", .object(schemas.map { ($0.name, $0.schema) })),
      ("additionalProperties", .bool(false)),
    ])
  }

  /// Each fact of `rulebook` by name, typed as the API reads it in JSON (a whole number within
  /// its declared range, one of an enumeration's values, a time `HH:MM`, an amount as a number
  /// or `{number, unit}`), or `null` for unknown. A value that fits is read; the one exception
  /// is a declared constraint between facts (music ending after the event), which no schema
  /// can say.
  public static func apiFactSchemas(for rulebook: CompiledRulebook) -> [(name: String, schema: JSONValue)] {
    rulebook.facts.filter { $0.name != "date" }.map { fact in
      let value = apiValue(fact, cases: rulebook.enumCases(of: fact))
      let description: JSONValue = .string(fact.question.text("en"))
      return (fact.name, .object([("description", description), ("anyOf", .array([value, .object([("type", .string("null"))])]))]))
    }
  }

  /// The schema of one fact's known value.
  static func apiValue(_ fact: FactDeclaration, cases: [String]?) -> JSONValue {
    if let cases {
      let item: JSONValue = .object([("enum", .array(cases.map(JSONValue.string)))])
      if case .list = fact.type { return .object([("type", .string("array")), ("items", item)]) }
      return item
    }
    return apiValue(fact.type, minimum: fact.minimum, maximum: fact.maximum)
  }

  static func apiValue(_ type: ValueType, minimum: Value?, maximum: Value?) -> JSONValue {
    switch type {
    case .bool: return yesOrNo
    case .integer: return number("integer", minimum: minimum, maximum: maximum, bound: largestInteger)
    case .decimal: return number("number", minimum: minimum, maximum: maximum, bound: largestAmount)
    case .money: return amount(number("number", minimum: minimum, maximum: maximum, bound: largestAmount), unit: EvaluationJSONRenderer.euro)
    case .quantity(let unit): return amount(number("number", minimum: minimum, maximum: maximum, bound: largestAmount), unit: unit.symbol)
    case .duration: return amount(number("integer", minimum: minimum, maximum: maximum, bound: largestInteger), unit: EvaluationJSONRenderer.minutes)
    case .workingDays: return amount(number("integer", minimum: minimum, maximum: maximum, bound: largestInteger), unit: EvaluationJSONRenderer.workingDays)
    case .time: return .object([("type", .string("string")), ("pattern", .string("^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$"))])
    case .date: return .object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")), ("format", .string("date"))])
    case .list(let element): return .object([("type", .string("array")), ("items", apiValue(element, minimum: nil, maximum: nil))])
    case .text, .enumeration: return .object([("type", .string("string"))])
    }
  }

  /// A yes or no: `true`, `false`, `1`, `0`, or one of the words the reader takes in any case
  /// (`ja`, `Nee`, `YES`).
  static let yesOrNo: JSONValue = {
    let words = (InputValueParser.yesWords + InputValueParser.noWords).filter { $0.first?.isLetter == true }
    let pattern = words.map { word in word.map { "[\($0)\(Character($0.uppercased()))]" }.joined() }.joined(separator: "|")
    return .object([
      ("anyOf", .array([
        .object([("type", .string("boolean"))]), .object([("enum", .array([.int(0), .int(1)]))]),
        .object([("type", .string("string")), ("pattern", .string("^(\(pattern))$"))]),
      ]))
    ])
  }()

  /// A number of `type` within the declared range, else within ±`bound`.
  static func number(_ type: String, minimum: Value?, maximum: Value?, bound: Int64) -> JSONValue {
    .object([
      ("type", .string(type)),
      ("minimum", minimum.flatMap(jsonNumber) ?? .int(bound == .max ? .min : -bound)),
      ("maximum", maximum.flatMap(jsonNumber) ?? .int(bound)),
    ])
  }

  /// An amount as a plain number, or in the answer's typed form `{number, unit}`.
  static func amount(_ number: JSONValue, unit: String) -> JSONValue {
    let typed: JSONValue = .object([
      ("type", .string("object")), ("required", .array([.string("number"), .string("unit")])), ("additionalProperties", .bool(false)),
      ("properties", .object([("number", number), ("unit", .object([("const", .string(unit))]))])),
    ])
    return .object([("anyOf", .array([number, typed]))])
  }

  /// A declared bound as a JSON number.
  static func jsonNumber(_ value: Value) -> JSONValue? {
    switch value {
    case .integer(let n), .duration(let n), .workingDays(let n): .int(n)
    case .decimal(let d), .quantity(let d, _): .number(d.description)
    case .money(let cents): .number(EvaluationJSONRenderer.euros(cents))
    default: nil
    }
  }
}
