import Analysis
import Engine
import Foundation
import Rulebook
import Testing
import TestSupport

/// `bricoleur diff` tells the story of an amendment: on a copy of the shipped Rules/, Zeist's
/// rulebook is new, Gouda's is gone, the model APV moves the start of music for small events
/// (which reaches every municipality that keeps the model's time) and Borne raises its visitor
/// limit. Golden files pin the text, Markdown and JSON.
@Suite struct DiffStoryTests {
  static func amendedCopies() throws -> (old: String, new: String, root: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("diff-story-\(UUID().uuidString)")
    let (old, new) = (root.appendingPathComponent("old").path, root.appendingPathComponent("new").path)
    let rules = repositoryRoot().appendingPathComponent("Rules").path
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: rules, toPath: old)
    try FileManager.default.copyItem(atPath: rules, toPath: new)
    try FileManager.default.removeItem(atPath: old + "/zeist")
    try FileManager.default.removeItem(atPath: new + "/gouda")
    try replace("  muziek_begin_klein:\n    value: \"07:00\"", with: "  muziek_begin_klein:\n    value: \"08:00\"", in: new + "/model-apv/rulebook.yaml")
    try replace("  max_bezoekers_klein:\n    value: 200", with: "  max_bezoekers_klein:\n    value: 250", in: new + "/borne/rulebook.yaml")
    return (old, new, root)
  }

  static func replace(_ old: String, with new: String, in path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(old), "'\(old)' is not in \(path)")
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
  }

  static func report() throws -> ImpactReport {
    let (old, new, root) = try amendedCopies()
    defer { try? FileManager.default.removeItem(at: root) }
    let (initiatives, _) = try InitiativeSources.jsonLines(path: repositoryRoot().appendingPathComponent("Examples/batches/initiatives.jsonl").path)
    return ImpactAnalysis.impact(old: try RuleEngine(rulesPath: old), new: try RuleEngine(rulesPath: new), initiatives: initiatives)
  }

  @Test func theStoryIsToldOnceAtItsSource() throws {
    let report = try Self.report()
    let changes = report.rulebookChanges
    #expect(changes.filter { $0.kind == .rulebookAdded }.map(\.rulebook) == ["zeist"])
    #expect(changes.filter { $0.kind == .rulebookRemoved }.map(\.rulebook) == ["gouda"])
    let music = changes.filter { $0.name == "muziek_begin_klein" }
    #expect(music.count == 1, "an inherited change is reported once: \(music.map(\.text))")
    #expect(music.first?.rulebook == "model-apv")
    #expect(music.first?.reaches.contains("rotterdam") == true)
    #expect(music.first?.reaches.contains("borne") == false, "Borne sets its own time")
    #expect(changes.filter { $0.name == "max_bezoekers_klein" }.map(\.rulebook) == ["borne"])
    for (text, name) in [(report.text, "diff-story.txt"), (report.markdown, "diff-story.md"), (try report.json() + "\n", "diff-story.json")] {
      if let mismatch = goldenMismatch(text, named: name) { Issue.record(Comment(rawValue: mismatch)) }
    }
  }

  @Test func theJSONIsSnakeCaseWithOneKeyForTheRuleOrParameter() throws {
    let json = try JSONSerialization.jsonObject(with: Data(try Self.report().json().utf8)) as? [String: Any]
    let entries = try #require(json?["rulebook_changes"] as? [[String: Any]])
    let kinds = Set(RulebookChange.Kind.allCases.map(\.rawValue))
    for entry in entries {
      let kind = try #require(entry["kind"] as? String)
      #expect(kinds.contains(kind))
      #expect(entry["rulebook"] is String)
      if kind.hasPrefix("rulebook_") {
        #expect(Set(entry.keys) == ["rulebook", "kind"])
      } else {
        #expect(Set(entry.keys).symmetricDifference(["rulebook", "kind", "before", "after", "citation", "reaches"]).count == 1)
        #expect(entry["rule"] is String || entry["parameter"] is String)
      }
    }
  }

  @Test func theJSONValidatesAgainstItsSchema() throws {
    let check = try JSONSchemaCheck(schemaText: ImpactReport.jsonSchema)
    let problems = check.problems(text: try Self.report().json())
    #expect(problems.isEmpty, "\(problems)")
    #expect(!check.problems(text: #"{"evaluated": 0, "skipped": 0, "changed": 0, "changes": [], "rulebook_changes": [{"rulebook": "x", "kind": "renamed"}]}"#).isEmpty)
  }
}
