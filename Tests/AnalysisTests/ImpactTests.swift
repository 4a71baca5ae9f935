import Analysis
import Engine
import Foundation
import Rulebook
import Testing

/// `bricoleur diff` over a real amendment: Borne raises its small-event visitor limit from 200
/// to 250. The impact report must list exactly the initiatives whose verdict changes when each
/// is evaluated with both versions one by one.
struct ImpactTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func raisingTheVisitorLimitChangesExactlyTheseVerdicts() throws {
    let amended = FileManager.default.temporaryDirectory.appendingPathComponent("impact-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: amended) }
    try FileManager.default.copyItem(at: Self.root.appendingPathComponent("Rules"), to: amended)
    let file = amended.appendingPathComponent("borne/rulebook.yaml")
    let text = try String(contentsOf: file, encoding: .utf8)
    let changed = text.replacingOccurrences(of: "  max_bezoekers_klein:\n    value: 200", with: "  max_bezoekers_klein:\n    value: 250")
    #expect(changed != text, "the amendment applies")
    try changed.write(to: file, atomically: true, encoding: .utf8)

    let old = try RuleEngine(rulesPath: Self.root.appendingPathComponent("Rules/borne").path)
    let new = try RuleEngine(rulesPath: amended.appendingPathComponent("borne").path)
    let (initiatives, _) = try InitiativeSources.jsonLines(path: Self.root.appendingPathComponent("Examples/batches/initiatives.jsonl").path)
    let report = ImpactAnalysis.impact(old: old, new: new, initiatives: initiatives)

    var expected: [String] = []
    var evaluated = 0
    for initiative in initiatives {
      guard let a = old.check(initiative).evaluation, let b = new.check(initiative).evaluation else { continue }
      evaluated += 1
      if ImpactAnalysis.summary(a) != ImpactAnalysis.summary(b) { expected.append(initiative.id) }
    }
    #expect(report.evaluated == evaluated)
    #expect(report.changes.map(\.initiativeID) == expected)
    #expect(!expected.isEmpty, "the amendment changes some verdict in the example batch")
    #expect(report.rulebookChanges.map(\.text) == ["borne: parameter 'max_bezoekers_klein' changed: value '200' → '250' (apv art. 2:25 lid 2)"])
    #expect(report.changes.allSatisfy { !$0.reasons.isEmpty })
  }

  /// The initiatives of an impact report are read as `batch` reads them: facts nested or flat,
  /// and a bad record is a diagnostic at its line and column.
  @Test func jsonLinesRecordsWithFlatFactsGiveTheirFacts() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("flat-\(UUID().uuidString).jsonl").path
    try """
      {"id": "a", "municipality": "borne", "date": "2026-07-04", "visitors": 180, "activity": "straatfeest"}
      {"id": "b", "municipality": "borne", "facts": {"visitors": 90}}

      {"id": "c", "municipality": "borne", "visitors": {"n": 3}}
      """.write(toFile: path, atomically: true, encoding: .utf8)
    let (initiatives, diagnostics) = try InitiativeSources.jsonLines(path: path)
    #expect(initiatives.map(\.id) == ["a", "b"])
    #expect(Set(initiatives[0].facts.map(\.name)) == ["visitors", "activity"])
    #expect(initiatives[0].facts.first { $0.name == "visitors" }?.text == "180")
    #expect(initiatives[1].facts.map(\.name) == ["visitors"])
    let problem = try #require(diagnostics.first)
    #expect(problem.code == "initiative.bad-value")
    #expect(problem.span?.startLocation.line == 4)
    #expect(problem.span?.startLocation.column == 50)
  }
}
