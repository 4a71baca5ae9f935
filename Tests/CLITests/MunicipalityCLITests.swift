import Foundation
import Testing
import TestSupport

/// End-to-end runs of the built `bricoleur` for municipalities without a rulebook of their own.
@Suite struct MunicipalityCLITests {
  @Test func checkStatesTheFallbackAndExitsZero() throws {
    let result = try bricoleur(["check", "Examples/leiden/straatfeest.yaml", "--color", "never", "--no-room"])
    #expect(result.status == 0, "\(result.err)")
    let lines = result.out.split(separator: "\n")
    #expect(lines.dropFirst().first?.hasPrefix("Voor Leiden is nog geen eigen regelboek: getoetst aan de model-APV") == true, "\(result.out.prefix(300))")
  }

  @Test func checkJSONCarriesTheFallback() throws {
    let result = try bricoleur(["check", "Examples/leiden/straatfeest.yaml", "--format", "json", "--no-room"])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [[String: Any]])
    let object = try #require(array.first)
    let rulebook = try #require(object["rulebook"] as? [String: Any])
    #expect(rulebook["id"] as? String == "model-apv")
    #expect(rulebook["fallback"] as? Bool == true)
    let municipality = try #require(rulebook["municipality"] as? [String: String])
    #expect(municipality == ["code": "GM0546", "name": "Leiden"])
  }

  @Test func strictTurnsTheFallbackIntoAnErrorAtTheMunicipalityLine() throws {
    let result = try bricoleur(["check", "--strict", "Examples/leiden/straatfeest.yaml", "--color", "never"])
    #expect(result.status == 1)
    #expect(result.err.contains("Examples/leiden/straatfeest.yaml:5:15: error: 'Leiden' (GM0546) has no rulebook of its own"), "\(result.err)")
    let own = try bricoleur(["check", "--strict", "Examples/borne/straatfeest-dorpsstraat.yaml", "--color", "never"])
    #expect(own.status == 0)
  }

  /// `check` reads and compiles only the rulebooks that can answer for its initiatives: another
  /// municipality's broken rulebook neither stops nor clutters it, until an initiative needs it.
  @Test func checkLoadsOnlyTheRulebooksItsInitiativesNeed() throws {
    let rules = FileManager.default.temporaryDirectory.appendingPathComponent("cli-rules-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: rules) }
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    for layer in ["national", "model-apv", "register", "borne"] {
      try FileManager.default.copyItem(at: repositoryRoot().appendingPathComponent("Rules/\(layer)"), to: rules.appendingPathComponent(layer))
    }
    let broken = rules.appendingPathComponent("delft")
    try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
    try """
      rulebook: {id: delft, name: Delft, municipality: Delft, extends: model-apv}
      rules:
        - id: stuk
          when: visitorz > 10
          outcome: permit

      """.write(to: broken.appendingPathComponent("rulebook.yaml"), atomically: true, encoding: .utf8)

    let borne = try bricoleur(["check", "--rules", rules.path, "Examples/borne/straatfeest-dorpsstraat.yaml", "--color", "never", "--no-room"])
    #expect(borne.status == 0, "\(borne.err)")
    #expect(borne.err.isEmpty, "\(borne.err)")
    let leiden = try bricoleur(["check", "--rules", rules.path, "Examples/leiden/straatfeest.yaml", "--color", "never", "--no-room"])
    #expect(leiden.status == 0 && leiden.out.contains("Voor Leiden is nog geen eigen regelboek"), "\(leiden.err)")

    let delft = try temporaryFile("delft.yaml", Array(streetPartyText(municipality: "Delft").utf8))
    let failed = try bricoleur(["check", "--rules", rules.path, delft, "--color", "never"])
    #expect(failed.status == 1)
    #expect(failed.err.contains("delft/rulebook.yaml:4:11: error: unknown fact 'visitorz'"), "\(failed.err)")
    #expect(failed.err.contains("no rulebook for municipality 'Delft'"), "\(failed.err)")
  }

  func streetPartyText(municipality: String) -> String {
    "id: feest\nmunicipality: \(municipality)\ndate: 2026-06-20\nfacts:\n  activity: straatfeest\n  visitors: 60\n"
  }

  @Test func batchStatesTheFallbackPerRecord() throws {
    let input = """
      {"id": "a", "municipality": "Leiden", "activity": "straatfeest", "visitors": 60}
      {"id": "b", "municipality": "borne", "activity": "straatfeest", "visitors": 60}
      {"id": "c", "municipality": "Leidn", "activity": "straatfeest", "visitors": 60}

      """
    let out = try temporaryFile("out.jsonl", [])
    _ = try bricoleur(["batch", "-", "--out", out, "--quiet"], input: input)
    let records = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
    #expect(records.count == 3)
    #expect(records[0].contains(#""rulebook":{"id":"model-apv","fallback":true,"municipality":{"code":"GM0546","name":"Leiden"}}"#), "\(records[0])")
    #expect(records[1].contains(#""rulebook":"borne""#))
    #expect(records[2].contains("did you mean 'Leiden'?"), "\(records[2])")
  }

  @Test func rulebooksListsEveryMunicipality() throws {
    let result = try bricoleur(["rulebooks", "--format", "json"])
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let summary = try #require(object["summary"] as? [String: Int])
    #expect(summary["municipalities"] == 342)
    #expect(summary["own"].map { $0 >= 11 } == true)
    #expect(summary["own"]! + summary["fallback"]! == 342)
    let municipalities = try #require(object["municipalities"] as? [[String: Any]])
    #expect(municipalities.count == 342)
    let leiden = municipalities.first { $0["code"] as? String == "GM0546" }
    #expect(leiden?["fallback"] as? Bool == true)
    let text = try bricoleur(["rulebooks"])
    #expect(text.out.contains("Municipalities: 342;"))
  }

  @Test func newRulebookForAMunicipalityNotShippedLintsCleanAndPassesItsTest() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("new-rulebook-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    let rules = root.appendingPathComponent("Rules").path
    try FileManager.default.copyItem(atPath: repositoryRoot().appendingPathComponent("Rules").path, toPath: rules)
    let made = try bricoleur(["new-rulebook", "Culemborg", "--rules", rules])
    #expect(made.status == 0, "\(made.err)")
    let folder = rules + "/culemborg"
    let rulebook = try String(contentsOfFile: folder + "/rulebook.yaml", encoding: .utf8)
    #expect(rulebook.contains("extends: model-apv") && rulebook.contains("#   max_bezoekers_klein:"))
    #expect(FileManager.default.fileExists(atPath: folder + "/README.md"))
    let lint = try bricoleur(["lint", folder, "--color", "never"])
    #expect(lint.status == 0, "\(lint.out)")
    #expect(lint.out.contains(": 0 errors,"))
    #expect(!lint.out.contains("culemborg/"), "a finding in the generated files: \(lint.out)")
    let test = try bricoleur(["test", folder])
    #expect(test.status == 0, "\(test.out)\(test.err)")
    #expect(test.out.contains("1 passed, 0 failed"), "\(test.out)")
    let again = try bricoleur(["new-rulebook", "Culemborg", "--rules", rules])
    #expect(again.status != 0)
    let check = try bricoleur(["check", "Examples/leiden/straatfeest.yaml", "--rules", rules, "--no-room", "--color", "never"])
    #expect(check.out.contains("Voor Leiden is nog geen eigen regelboek"))
  }

  @Test func newRulebookRefusesAnUnknownNameWithASuggestion() throws {
    let result = try bricoleur(["new-rulebook", "Culemborgh"])
    #expect(result.status != 0)
    #expect(result.err.contains("did you mean 'Culemborg'?"), "\(result.err)")
  }
}
