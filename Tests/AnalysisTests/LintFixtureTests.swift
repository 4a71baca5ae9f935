import Analysis
import Engine
import Foundation
import Rulebook
import SourceDiagnostics
import Testing

/// Each fixture in Tests/Fixtures/lint/<case>/ holds one kind of defect; the linter must find
/// it at the right place (the underlined text), and its witness must really show it.
struct LintFixtureTests {
  struct Row: CustomTestStringConvertible, Sendable {
    var fixture: String
    var code: String
    var underlined: String
    /// What evaluating the witness must show; nil for findings without a witness.
    var witness: WitnessCheck?
    var testDescription: String { fixture }
  }

  enum WitnessCheck: Sendable {
    /// Both rules apply.
    case bothApply(String, String)
    /// The rule's condition holds, but an exception sets it aside.
    case overridden(String)
    /// None of the rules applies.
    case noneApplies([String])
  }

  static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lint").path

  static let rows: [Row] = [
    Row(fixture: "contradiction", code: "lint.contradiction", underlined: "crowd-prohibited", witness: .bothApply("small-allowed", "crowd-prohibited")),
    Row(fixture: "unsatisfiable", code: "lint.unsatisfiable", underlined: "visitors > 200 and visitors < 100"),
    Row(fixture: "shadowed", code: "lint.shadowed", underlined: "large-permit", witness: .overridden("large-permit")),
    Row(fixture: "exception-never-applies", code: "lint.exception-never-applies", underlined: "large-permit"),
    Row(fixture: "gap", code: "lint.gap", underlined: "activity == feest", witness: .noneApplies(["party-notification", "party-permit"])),
    Row(fixture: "validity-overlap", code: "lint.validity-overlap", underlined: "permit-2026"),
    Row(fixture: "validity-gap", code: "lint.validity-gap", underlined: "150"),
    Row(fixture: "unused-fact", code: "lint.unused-fact", underlined: "colour"),
    Row(fixture: "unused-parameter", code: "lint.unused-parameter", underlined: "max_stalls"),
    Row(fixture: "no-question", code: "lint.no-question", underlined: "tent"),
    Row(fixture: "no-citation", code: "lint.no-citation", underlined: "uncited"),
    Row(fixture: "no-presumption", code: "lint.no-presumption", underlined: "nuisance"),
    Row(fixture: "missing-text", code: "lint.missing-text", underlined: "dutch-only"),
    Row(fixture: "override-no-effect", code: "lint.override-no-effect", underlined: "max_visitors"),
  ]

  @Test(arguments: rows)
  func findsTheDefect(_ row: Row) throws {
    let library = try RulebookLibrary.load(path: Self.fixtures + "/" + row.fixture)
    #expect(library.diagnostics.filter { $0.severity == .error }.isEmpty, "the fixture loads: \(library.diagnostics.map(\.message))")
    let findings = Linter().lint(library, rulebooks: library.definitions.keys.sorted())
    let matching = findings.filter { $0.code == row.code }
    #expect(matching.count == 1, "\(findings.map { "\($0.code): \($0.message)" })")
    let finding = try #require(matching.first)
    #expect(finding.span?.text == row.underlined)
    let others = findings.filter { $0.code != row.code }
    #expect(others.isEmpty, "only the planted defect: \(others.map { "\($0.code): \($0.message)" })")
    guard let check = row.witness else { return }
    let evaluation = try #require(Self.evaluate(finding.witness, library: library))
    switch check {
    case .bothApply(let a, let b):
      #expect(evaluation.finding(a)?.status == .applies)
      #expect(evaluation.finding(b)?.status == .applies)
    case .overridden(let rule):
      #expect(evaluation.finding(rule)?.reason == .overridden)
    case .noneApplies(let rules):
      for rule in rules { #expect(evaluation.finding(rule)?.status == .doesNotApply) }
      #expect(evaluation.verdict.decidedBy.isEmpty)
    }
  }

  /// Evaluates a diagnostic's witness as an initiative, with the fixture's only rulebook.
  static func evaluate(_ witness: [DiagnosticWitnessEntry], library: RulebookLibrary) -> Evaluation? {
    #expect(!witness.isEmpty, "the finding has a witness")
    var initiative = Initiative(id: "witness")
    for entry in witness {
      if entry.name == "date" { initiative.date = InputValueParser.date(entry.value) } else { initiative.facts.append(RawFact(name: entry.name, text: entry.value)) }
    }
    let engine = RuleEngine(library: library)
    let result = engine.check(initiative, options: RuleEngine.CheckOptions(rulebook: library.rulebooks.keys.sorted().first))
    #expect(result.diagnostics.isEmpty, "the witness binds: \(result.diagnostics.map(\.message))")
    return result.evaluation
  }
}

/// The rulebooks that ship lint without errors, and SARIF carries findings with their places.
struct ShippedRulebookLintTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  @Test func shippedRulebooksHaveNoLintErrors() throws {
    let library = try RulebookLibrary.load(path: Self.root.appendingPathComponent("Rules").path)
    let findings = Linter().lint(library, rulebooks: library.definitions.keys.sorted())
    let errors = findings.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map { "\($0.location.map(\.description) ?? ""): \($0.message)" })")
  }

  @Test func sarifHasRuleIDsRegionsAndWitness() throws {
    let library = try RulebookLibrary.load(path: LintFixtureTests.fixtures + "/contradiction")
    let findings = Linter().lint(library, rulebooks: library.definitions.keys.sorted())
    let log = SARIFRenderer().log(findings)
    #expect(log.version == "2.1.0")
    let result = try #require(log.runs.first?.results.first)
    #expect(result.ruleId == "lint.contradiction")
    #expect(result.level == "error")
    #expect(result.locations.first?.physicalLocation.region?.startLine == findings[0].span?.startLocation.line)
    #expect(result.properties?.witness["visitors"] != nil)
  }
}
