import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// The outcome of one rule test.
public struct RuleTestResult: Sendable {
  public var testCase: RuleTestCase
  public var rulebook: String
  /// Why it failed; empty when it passed.
  public var failures: [String]
  public var evaluation: Evaluation?
  public var passed: Bool { failures.isEmpty }

  /// The rules whose status is not the expected one, with their actual findings (for the
  /// explanation and trace of a failure).
  public var mismatches: [RuleMismatch] {
    guard let evaluation else { return [] }
    let expected = testCase.expectation
    let listed = [(expected.applies, FindingStatus.applies), (expected.doesNotApply, .doesNotApply), (expected.undetermined, .undetermined)]
    return listed.flatMap { ids, status in
      ids.compactMap { id in
        evaluation.finding(id).flatMap { $0.status == status ? nil : RuleMismatch(rule: id, expected: status, actual: $0) }
      }
    }
  }
}

/// A rule whose finding differs from what a test expected.
public struct RuleMismatch: Sendable {
  public var rule: String
  public var expected: FindingStatus
  public var actual: Finding
}

/// Runs the rule tests of rulebooks.
public struct RuleTestRunner: Sendable {
  public let engine: RuleEngine

  public init(engine: RuleEngine) {
    self.engine = engine
  }

  /// The test files of a rulebook folder (`tests/*.yaml`), sorted.
  public static func testFiles(in rulebookDirectory: String) -> [String] {
    let directory = (rulebookDirectory as NSString).appendingPathComponent("tests")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
  }

  /// Runs every test of the rulebook in `directory`; problems reading the tests are diagnostics.
  public func run(rulebookDirectory directory: String, rulebook: String) throws -> ([RuleTestResult], [Diagnostic]) {
    var results: [RuleTestResult] = []
    var diagnostics: [Diagnostic] = []
    for path in Self.testFiles(in: directory) {
      let (file, sourceDiagnostics) = try YAMLSource.load(path: path)
      diagnostics += sourceDiagnostics
      guard sourceDiagnostics.isEmpty else { continue }
      let (cases, problems) = RuleTestReader.read(file, rulebook: rulebook)
      diagnostics += problems
      for testCase in cases { results.append(run(testCase, rulebook: rulebook)) }
    }
    return (results, diagnostics)
  }

  /// Runs one test.
  public func run(_ testCase: RuleTestCase, rulebook: String) -> RuleTestResult {
    let result = engine.check(testCase.initiative, options: RuleEngine.CheckOptions(rulebook: rulebook))
    guard let evaluation = result.evaluation else {
      let problems = result.diagnostics.map { "\($0.message) [\($0.code)]" }
      return RuleTestResult(testCase: testCase, rulebook: rulebook, failures: ["could not evaluate: " + problems.joined(separator: "; ")], evaluation: nil)
    }
    return RuleTestResult(testCase: testCase, rulebook: rulebook, failures: Self.failures(testCase.expectation, evaluation), evaluation: evaluation)
  }

  /// Each expectation the evaluation does not meet, as `expected X, got Y`.
  static func failures(_ expected: RuleTestCase.Expectation, _ evaluation: Evaluation) -> [String] {
    var failures: [String] = []
    let verdict = evaluation.verdict
    if let level = expected.verdict, level != verdict.level {
      let decided = verdict.decidedBy.isEmpty ? "" : " (decided by \(verdict.decidedBy.joined(separator: ", ")))"
      failures.append("expected \(level.rawValue), got \(verdict.level.rawValue)\(decided)")
    }
    if let determined = expected.determined, determined != verdict.determined {
      failures.append("expected determined: \(determined), got \(verdict.determined)")
    }
    for (ids, status) in [(expected.applies, FindingStatus.applies), (expected.doesNotApply, .doesNotApply), (expected.undetermined, .undetermined)] {
      for id in ids {
        guard let finding = evaluation.finding(id) else {
          failures.append("expected rule '\(id)' \(status.rawValue), but it is not in the rulebook (or not in force on \(evaluation.asOf.map(\.description) ?? "the date"))")
          continue
        }
        if finding.status != status {
          failures.append("expected rule '\(id)' \(status.rawValue), got \(finding.status.rawValue)")
        }
      }
    }
    for (scheme, decision) in expected.schemes {
      let actual = evaluation.schemes.first { $0.scheme == scheme }?.decision.rawValue ?? "not asked for"
      if actual != decision.rawValue { failures.append("scheme '\(scheme)': expected \(decision.rawValue), got \(actual)") }
    }
    if let required = expected.required {
      let actual = verdict.required.map(\.rule)
      if Set(required) != Set(actual) {
        failures.append("expected required: [\(required.joined(separator: ", "))], got [\(actual.joined(separator: ", "))]")
      }
    }
    return failures
  }
}
