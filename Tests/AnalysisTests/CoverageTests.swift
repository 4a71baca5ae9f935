import Analysis
import Engine
import Foundation
import Rulebook
import Testing

/// The fixture rulebooks in Tests/Fixtures/coverage/ have known gaps: in `model` a rule never
/// seen applying, a threshold tested on one side only, an exception never exercised; `town`
/// extends it, sets `max_visitors` and adds a rule, so it counts its own rule and the inherited
/// rules and thresholds that read `max_visitors`.
struct CoverageTests {
  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/coverage").path

  static func coverage(_ id: String) throws -> CoverageReport {
    let engine = RuleEngine(library: try RulebookLibrary.load(path: fixtures))
    let definition = try #require(engine.library.definitions[id])
    let rulebook = try #require(engine.library.rulebooks[id])
    let (results, diagnostics) = try RuleTestRunner(engine: engine).run(rulebookDirectory: definition.directory, rulebook: id)
    #expect(diagnostics.isEmpty)
    #expect(results.allSatisfy { $0.passed })
    var recorder = CoverageRecorder(rulebook: rulebook, own: definition)
    for result in results { try recorder.record(#require(result.evaluation)) }
    return recorder.coverage
  }

  /// `file:line:col` relative to the fixtures folder.
  static func place(_ position: CoveragePosition) -> String {
    "\(position.path.replacingOccurrences(of: fixtures + "/", with: "")):\(position.line):\(position.column)"
  }

  @Test func rootRulebookListsItsGaps() throws {
    let report = try Self.coverage("model")
    #expect(report.tests == 2)
    let uncovered = report.rules.filter { !$0.covered }
    #expect(uncovered.map(\.rule) == ["market-exception", "crowd-prohibited"])
    #expect(uncovered.allSatisfy { $0.seenNotApplying && !$0.seenApplying })
    #expect(uncovered.map { Self.place($0.position) } == ["model/rulebook.yaml:29:9", "model/rulebook.yaml:36:9"])

    let gaps = report.thresholds.filter { !$0.covered }
    #expect(gaps.map(\.text) == ["activity == markt", "visitors > 1000"])
    #expect(gaps.map { Self.place($0.position) } == ["model/rulebook.yaml:32:11", "model/rulebook.yaml:39:11"])
    #expect(gaps.allSatisfy { $0.seenFalse && !$0.seenTrue })
    #expect(gaps.map(\.negation) == ["activity != markt", "visitors <= 1000"])
    let visitors = try #require(report.thresholds.first { $0.text == "visitors <= max_visitors" })
    #expect(visitors.covered && visitors.comparison == "visitors <= 200" && visitors.parameter == "max_visitors")

    #expect(report.exceptions.count == 1)
    let exception = try #require(report.exceptions.first)
    #expect(exception.rule == "market-exception" && exception.overrides == "large-permit" && !exception.exercised)
    #expect(Self.place(exception.position) == "model/rulebook.yaml:34:17")
    #expect(report.figures.rulesCovered == 2 && report.figures.thresholdsCovered == 3 && report.figures.exceptionsExercised == 0)
    #expect(report.text.contains("model/rulebook.yaml:39:11: threshold 'visitors > 1000' in rule 'crowd-prohibited': no test with visitors > 1000"))
  }

  @Test func inheritingRulebookCountsWhatItChanges() throws {
    let report = try Self.coverage("town")
    // `crowd-prohibited` reads no value the town sets: the model's tests cover it.
    #expect(report.rules.map(\.rule).sorted() == ["large-permit", "market-exception", "small-notification", "town-stage"])
    #expect(report.rules.first { $0.rule == "town-stage" }?.origin == .own)
    #expect(report.rules.first { $0.rule == "large-permit" }?.origin == .inheritedChanged)
    #expect(report.rules.first { $0.rule == "large-permit" }?.definedIn == "model")
    // Only thresholds on the town's parameter or in its own rules; the inherited 'activity == markt' is the model's.
    #expect(report.thresholds.map(\.comparison) == ["visitors <= 100", "visitors > 100", "visitors > 100", "visitors >= 50"])
    #expect(report.thresholds.allSatisfy { $0.seenTrue != $0.seenFalse })
    let own = try #require(report.thresholds.last)
    #expect(Self.place(own.position) == "town/rulebook.yaml:15:11" && own.seenTrue && !own.seenFalse)
    #expect(report.exceptions.map(\.exercised) == [false])
  }

  @Test func jsonListsTheFigures() throws {
    let document = CoverageDocument([try Self.coverage("model")])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(document.json.utf8)) as? [String: Any])
    let total = try #require(json["total"] as? [String: Int])
    #expect(total["rules"] == 4 && total["thresholds"] == 5 && total["exceptions"] == 1)
    #expect(json["version"] as? Int == 1)
  }
}
