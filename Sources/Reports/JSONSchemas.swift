import Engine
import Rulebook
import RuleLanguage

/// JSON Schemas for rule files and initiatives, so that an editor with a YAML language server
/// completes and checks keys while the legal team types. Built from the loader's own key lists.
public enum JSONSchemas {
  static let draft = "https://json-schema.org/draft/2020-12/schema"

  static func object(_ properties: [(String, JSONValue)], required: [String] = [], closed: Bool = true) -> JSONValue {
    var fields: [(String, JSONValue)] = [("type", .string("object")), ("properties", .object(properties))]
    if !required.isEmpty { fields.append(("required", .array(required.map(JSONValue.string)))) }
    if closed { fields.append(("additionalProperties", .bool(false))) }
    return .object(fields)
  }

  static let text: JSONValue = .object([("type", .string("string"))])
  static let localized: JSONValue = .object([
    ("anyOf", .array([text, .object([("type", .string("object")), ("additionalProperties", text)])]))
  ])
  static let scalar: JSONValue = .object([("type", .array(["string", "number", "boolean"].map(JSONValue.string)))])
  static let map: JSONValue = .object([("type", .string("object"))])
  static let list: JSONValue = .object([("type", .string("array"))])

  /// A date shaped as the CLI reads it (`InputValueParser.date`): `2026-07-04` or, as Dutch
  /// forms export it, `04-07-2026` (whether the day exists is the reader's to say).
  public static let datePattern = #"^ *[0-9]+-[0-9]+-[0-9]+ *$"#
  static let dateText: JSONValue = .object([
    ("description", .string("a date, YYYY-MM-DD or DD-MM-YYYY")), ("type", .string("string")), ("pattern", .string(datePattern)),
  ])

  static func properties(_ keys: [String], _ special: [String: JSONValue]) -> [(String, JSONValue)] {
    keys.map { ($0, special[$0] ?? scalar) }
  }

  /// The schema of a rule file (any file of a rulebook folder).
  public static func ruleFile() -> JSONValue {
    let citation = object(documented(["regulation", "article", "paragraph", "url"], [:]), required: ["regulation", "article"])
    let outcomeKinds = Outcome.Kind.allCases.map { JSONValue.string($0.rawValue) }
    let outcome: JSONValue = .object([
      ("anyOf", .array([
        .object([("enum", .array(outcomeKinds))]),
        object(documented(["level", "name", "authority", "conditions"], ["level": .object([("enum", .array(outcomeKinds))]), "name": localized, "conditions": list]), required: ["level"]),
      ]))
    ])
    let room = object(documented(["kind", "granted_by", "description", "deadline", "citation"], [
      "kind": .object([("enum", .array(RoomDeclaration.Kind.allCases.map { .string($0.rawValue) }))]), "description": localized, "citation": citation,
    ]), required: ["kind"])
    let rule = object(documented(RulebookReader.ruleKeys, [
      "title": localized, "citation": citation, "outcome": outcome, "overrides": .object([("anyOf", .array([text, list]))]),
      "procedure": object(documented(["deadline", "decision_period", "fee", "note"], ["note": localized])),
      "explanation": localized, "explanation_not_applying": localized, "note": localized,
      "room": .object([("type", .string("array")), ("items", room)]),
    ]), required: ["id", "outcome"])
    let fact = object(documented(RulebookReader.factKeys, [
      "type": .object([("type", .string("string")), ("examples", .array(RulebookReader.typeNames.map(JSONValue.string)))]),
      "question": localized, "help": localized, "label": localized, "values": .object([("anyOf", .array([list, map]))]),
      "judgement": object(documented(["assessed_by", "turns_on", "presumed"], [
        "turns_on": localized,
        "presumed": object(documented(["value", "unless", "citation"], ["unless": localized, "citation": citation]), required: ["value"]),
      ])), "adjustable": .object([("type", .array(["boolean", "string"].map(JSONValue.string)))]),
    ]), required: ["type"])
    let regulation = object(documented(RulebookReader.regulationKeys, [
      "title": localized, "note": localized,
      "kind": .object([("enum", .array(Regulation.Kind.allCases.map { .string($0.rawValue) }))]),
      "reliability": .object([("enum", .array(Regulation.Reliability.allCases.map { .string($0.rawValue) }))]),
      "official": .object([("type", .string("string")), ("pattern", .string("^(CVDR[0-9]+(_[0-9]+)?|BWBR[0-9]{7})$"))]),
    ]), required: ["kind"])
    let parameter: JSONValue = .object([
      ("anyOf", .array([scalar, object(documented(RulebookReader.parameterKeys, ["description": localized, "citation": citation, "versions": list]))]))
    ])
    let named = { (value: JSONValue) -> JSONValue in .object([("type", .string("object")), ("additionalProperties", value)]) }
    let sections: [String: JSONValue] = [
      "rulebook": object(
        documented(RulebookReader.metadataKeys, ["name": localized, "description": localized, "notice": localized, "languages": list]),
        required: ["id"]),
      "enums": named(.object([("anyOf", .array([list, map]))])),
      "facts": named(fact),
      "parameters": named(parameter),
      "definitions": named(.object([("anyOf", .array([text, object(documented(["expr", "description"], ["description": localized]), required: ["expr"])]))])),
      "constraints": named(object(documented(["check", "message"], ["message": localized]), required: ["check"])),
      "regulations": named(regulation),
      "rules": .object([("type", .string("array")), ("items", rule)]),
      "remove_rules": .object([("type", .string("array")), ("items", text)]),
    ]
    var schema = object(documented(RulebookReader.sections, sections))
    if case .object(var fields) = schema {
      fields.insert(("$schema", .string(draft)), at: 0)
      fields.insert(("title", .string("Bricoleur rule file")), at: 1)
      schema = .object(fields)
    }
    return schema
  }

  /// The schema of an initiative for a rulebook: its facts with their types and values.
  public static func initiative(for rulebook: CompiledRulebook?) -> JSONValue {
    var factProperties: [(String, JSONValue)] = []
    for fact in rulebook?.facts ?? [] where fact.name != "date" {
      var fields: [(String, JSONValue)] = [("description", .string(fact.question.text("nl")))]
      if let cases = rulebook?.enumCases(of: fact) {
        let items: JSONValue = .object([("enum", .array(cases.map(JSONValue.string)))])
        if case .list = fact.type { fields += [("type", .string("array")), ("items", items)] } else { fields.append(("enum", .array(cases.map(JSONValue.string)))) }
      } else {
        switch fact.type {
        case .bool: fields.append(("type", .array(["boolean", "string"].map(JSONValue.string))))
        case .integer: fields.append(("type", .array(["integer", "string"].map(JSONValue.string))))
        case .decimal, .money, .quantity: fields.append(("type", .array(["number", "string"].map(JSONValue.string))))
        case .time: fields += [("type", .string("string")), ("pattern", .string("^([01]?[0-9]|2[0-4])[:.][0-5][0-9]$"))]
        case .date: fields += [("type", .string("string")), ("pattern", .string(datePattern))]
        default: fields.append(("type", .string("string")))
        }
      }
      factProperties.append((fact.name, .object(fields)))
    }
    let facts: JSONValue = rulebook == nil ? map : object(factProperties)
    let keys = InitiativeReader.keys.map { key -> (String, JSONValue) in
      switch key {
      case "facts": (key, facts)
      case "date", "end_date": (key, dateText)
      case "period": (key, object(properties(["from", "until"], ["from": dateText, "until": dateText])))
      default: (key, text)
      }
    }
    var schema = object(keys, required: ["facts"])
    if case .object(var fields) = schema {
      fields.insert(("$schema", .string(draft)), at: 0)
      fields.insert(("title", .string("Bricoleur initiative" + (rulebook.map { " (\($0.id))" } ?? ""))), at: 1)
      schema = .object(fields)
    }
    return schema
  }
}
