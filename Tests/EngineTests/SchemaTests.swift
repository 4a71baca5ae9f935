import Analysis
import Engine
import Foundation
import Reports
import Rulebook
import Testing

@Suite struct SchemaTests {
  func parse(_ schema: JSONValue) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(schema.serialized().utf8)) as? [String: Any])
  }

  @Test func ruleFileSchemaNamesEverySectionAndRuleKey() throws {
    let schema = try parse(JSONSchemas.ruleFile())
    let properties = try #require(schema["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(RulebookReader.sections))
    let rules = try #require(properties["rules"] as? [String: Any])
    let rule = try #require((rules["items"] as? [String: Any])?["properties"] as? [String: Any])
    #expect(Set(rule.keys) == Set(RulebookReader.ruleKeys))
    #expect(schema["additionalProperties"] as? Bool == false)
  }

  @Test func initiativeSchemaListsTheRulebooksFactsAndValues() throws {
    let rulebook = try #require(fixtureEngine.library.rulebook(for: "testdorp"))
    let schema = try parse(JSONSchemas.initiative(for: rulebook))
    let facts = try #require((schema["properties"] as? [String: Any])?["facts"] as? [String: Any])
    let properties = try #require(facts["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(rulebook.facts.map(\.name)).subtracting(["date"]))
    let road = try #require(properties["road"] as? [String: Any])
    #expect(road["enum"] as? [String] == ["geen", "woonstraat", "doorgaande_weg"])
  }

  @Test func ruleTestsSchemaNamesTheReadersKeys() throws {
    let schema = try parse(JSONSchemas.ruleTests())
    let properties = try #require(schema["properties"] as? [String: Any])
    #expect(Set(properties.keys) == Set(RuleTestReader.fileKeys))
    #expect(JSONSchemas.ruleTestKeys == RuleTestReader.caseKeys)
    #expect(JSONSchemas.ruleTestExpectKeys == RuleTestReader.expectKeys)
    #expect(JSONSchemas.ruleTestBaseKeys == RuleTestBase.keys)
    let base = try #require((properties["base"] as? [String: Any])?["properties"] as? [String: Any])
    #expect(Set(base.keys) == Set(RuleTestBase.keys))
    let test = try #require((properties["tests"] as? [String: Any])?["items"] as? [String: Any])
    #expect(test["required"] as? [String] == ["name"])
    let expect = try #require((test["properties"] as? [String: Any])?["expect"] as? [String: Any])
    let verdict = try #require((expect["properties"] as? [String: Any])?["verdict"] as? [String: Any])
    #expect(verdict["enum"] as? [String] == VerdictLevel.allCases.map(\.rawValue))
  }

  /// The initiative schema accepts a date exactly when the CLI does (the shape; whether the day
  /// exists is the reader's to say).
  @Test(arguments: ["2026-07-04", "04-07-2026", "4-7-2026", "2026-7-4", "2026/07/04", "04.07.2026", "20260704", "july 4", "04-07-26"])
  func theDatePatternAcceptsWhatTheCLIAccepts(_ text: String) throws {
    let pattern = try NSRegularExpression(pattern: JSONSchemas.datePattern)
    let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    #expect(matches == (InputValueParser.date(text) != nil), "\(text)")
  }

  /// Every key of a rule file is described, wherever it is written.
  @Test func everyKeyOfARuleFileIsDescribed() throws {
    var undescribed: [String] = []
    func walk(_ node: Any, path: String) {
      if let object = node as? [String: Any] {
        if let properties = object["properties"] as? [String: Any] {
          for (key, value) in properties {
            if ((value as? [String: Any])?["description"] as? String ?? "").isEmpty { undescribed.append("\(path).\(key)") }
            walk(value, path: "\(path).\(key)")
          }
        }
        for (key, value) in object where key != "properties" { walk(value, path: path) }
      } else if let array = node as? [Any] {
        for item in array { walk(item, path: path) }
      }
    }
    let schema = try parse(JSONSchemas.ruleFile())
    walk(schema, path: "$")
    #expect(undescribed.isEmpty, "\(undescribed.sorted())")
    let rule = try #require(((schema["properties"] as? [String: Any])?["rules"] as? [String: Any])?["items"] as? [String: Any])
    let validFrom = try #require((rule["properties"] as? [String: Any])?["valid_from"] as? [String: Any])
    #expect(validFrom["pattern"] as? String == JSONSchemas.datePattern)
  }
}
