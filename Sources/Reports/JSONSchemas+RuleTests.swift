import Engine
import Rulebook

extension JSONSchemas {
  /// The keys of a tests file, of its base case, of a test and of a test's `expect:`; the
  /// reader of tests files (`RuleTestReader`) uses the same lists.
  public static let ruleTestFileKeys = ["base", "tests"]
  public static let ruleTestBaseKeys = ["date", "municipality", "language", "facts"]
  public static let ruleTestKeys = ["name", "date", "municipality", "language", "facts", "expect"]
  public static let ruleTestExpectKeys = ["verdict", "determined", "applies", "does_not_apply", "undetermined", "required", "schemes"]

  static func described(_ value: JSONValue, _ description: String) -> JSONValue {
    guard case .object(var fields) = value else { return value }
    fields.insert(("description", .string(description)), at: 0)
    return .object(fields)
  }

  /// The schema of a rule-tests file (`Rules/<id>/tests/*.yaml`): an optional base case and
  /// the tests, each stating only what differs from the base.
  public static func ruleTests() -> JSONValue {
    let date = described(.object([("type", .string("string")), ("pattern", .string(datePattern))]), "the initiative's date, YYYY-MM-DD or DD-MM-YYYY")
    let factValue: JSONValue = .object([
      ("anyOf", .array([
        .object([("type", .array(["string", "number", "boolean"].map(JSONValue.string)))]),
        .object([("type", .string("null"))]),
        .object([("type", .string("array")), ("items", .object([("type", .array(["string", "number", "boolean"].map(JSONValue.string)))]))]),
      ]))
    ])
    let facts = described(
      .object([("type", .string("object")), ("additionalProperties", factValue)]),
      "facts by name; in a test, the facts that differ from the base case (~ makes a fact of the base unknown)")
    let common: [String: JSONValue] = [
      "date": date,
      "municipality": described(text, "a name, slug or CBS code; default: the rulebook of the folder"),
      "language": described(.object([("enum", .array(["nl", "en"].map(JSONValue.string)))]), "the language of explanations"),
      "facts": facts,
    ]
    let ruleList = { (what: String) in
      described(.object([("type", .string("array")), ("items", text)]), what)
    }
    let expect = object([
      ("verdict", described(.object([("enum", .array(VerdictLevel.allCases.map { .string($0.rawValue) }))]), "the overall verdict")),
      ("determined", described(.object([("type", .string("boolean"))]), "whether the verdict is settled")),
      ("applies", ruleList("every rule that applies")),
      ("does_not_apply", ruleList("rules in scope whose condition fails, or that are overridden")),
      ("undetermined", ruleList("every rule whose finding depends on unknown facts")),
      ("required", ruleList("the rules whose requirement (notification, permit) must be listed")),
      ("schemes", described(
        .object([
          ("type", .string("object")),
          ("additionalProperties", .object([("enum", .array(SchemeDecision.Decision.allCases.map { .string($0.rawValue) }))])),
        ]), "the decision of each scheme named (right_to_challenge: not_eligible)")),
    ])
    let base = described(object(ruleTestBaseKeys.map { ($0, common[$0] ?? scalar) }), "what every test starts from")
    var testFields = common
    testFields["name"] = described(text, "the test's name, shown when it fails")
    testFields["expect"] = described(expect, "what the rules must say; absent parts are not checked")
    let test = object(ruleTestKeys.map { ($0, testFields[$0] ?? scalar) }, required: ["name"])
    let tests = described(.object([("type", .string("array")), ("items", test)]), "the tests, each stating only what differs from the base")
    var schema = object([("base", base), ("tests", tests)], required: ["tests"])
    if case .object(var fields) = schema {
      fields.insert(("$schema", .string(draft)), at: 0)
      fields.insert(("title", .string("Bricoleur rule tests")), at: 1)
      schema = .object(fields)
    }
    return schema
  }
}
