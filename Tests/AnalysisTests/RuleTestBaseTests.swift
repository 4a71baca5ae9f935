import Analysis
import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import Testing

/// A tests file with a base case: each test states only what differs, and the runner merges
/// them (fixture rulebook `model` in Tests/Fixtures/coverage: notification up to 200 visitors,
/// a permit above).
@Suite struct RuleTestBaseTests {
  static let engine = RuleEngine(library: try! RulebookLibrary.load(path: CoverageTests.fixtures))

  static func results(_ text: String) -> ([RuleTestResult], [Diagnostic]) {
    let (cases, diagnostics) = RuleTestReader.read(SourceFile(path: "tests/base.yaml", text: text), rulebook: "model")
    return (cases.map { RuleTestRunner(engine: engine).run($0, rulebook: "model") }, diagnostics)
  }

  static let file = """
    base:
      date: 2026-06-20
      facts:
        activity: feest
        visitors: 200
    tests:
      - name: zoals de basis
        expect: {verdict: notification_required, applies: [small-notification]}
      - name: een bezoeker meer
        facts: {visitors: 201}
        expect: {verdict: permit_required, applies: [large-permit]}
      - name: aantal onbekend
        facts: {visitors: ~}
        expect: {determined: false, undetermined: [small-notification, large-permit]}
      - name: andere dag
        date: 2026-06-21
        facts: {activity: markt}
        expect: {verdict: notification_required}

    """

  @Test func eachTestIsTheBaseWithItsOwnFactsLaidOver() throws {
    let (results, diagnostics) = Self.results(Self.file)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(results.map(\.testCase.name) == ["zoals de basis", "een bezoeker meer", "aantal onbekend", "andere dag"])
    for result in results { #expect(result.passed, "\(result.testCase.name): \(result.failures)") }
    let facts = results.map { Dictionary(uniqueKeysWithValues: $0.testCase.initiative.facts.map { ($0.name, $0.text ?? "~") }) }
    #expect(facts[0] == ["activity": "feest", "visitors": "200"])
    #expect(facts[1] == ["activity": "feest", "visitors": "201"])
    #expect(facts[2] == ["activity": "feest", "visitors": "~"])
    #expect(facts[3] == ["activity": "markt", "visitors": "200"])
    #expect(results.map { $0.testCase.initiative.date?.description } == ["2026-06-20", "2026-06-20", "2026-06-20", "2026-06-21"])
  }

  @Test func aProblemInTheBaseIsReportedOnceAtTheBase() throws {
    let text = Self.file.replacingOccurrences(of: "visitors: 200", with: "visitors: {twee: honderd}")
    let (_, diagnostics) = Self.results(text)
    let problems = diagnostics.filter { $0.span?.startLocation.line == 5 }
    #expect(problems.count == 1, "\(diagnostics.map(\.message))")
  }

  @Test func aFailureSaysExpectedAndGotOnce() throws {
    let text = Self.file.replacingOccurrences(of: "{verdict: permit_required, applies: [large-permit]}", with: "{verdict: notification_required}")
    let (results, _) = Self.results(text)
    let failed = results.filter { !$0.passed }
    #expect(failed.map(\.testCase.name) == ["een bezoeker meer"])
    #expect(failed.first?.failures == ["expected notification_required, got permit_required (decided by large-permit)"])
  }

  @Test func anUnknownKeyInTheBaseIsAnError() throws {
    let text = Self.file.replacingOccurrences(of: "  date: 2026-06-20", with: "  datum: 2026-06-20")
    let (_, diagnostics) = Self.results(text)
    #expect(diagnostics.contains { $0.message.contains("datum") && $0.span?.startLocation.line == 2 }, "\(diagnostics.map(\.message))")
  }
}
