import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport
import YAMLTree

/// The fixture rulebooks of the engine tests.
let fixtureEngine: RuleEngine = {
  // Relative to the package (the test's working folder), so golden files hold no machine paths.
  let relative = "Tests/Fixtures/rules"
  let path = FileManager.default.fileExists(atPath: relative) ? relative : repositoryRoot().appendingPathComponent(relative).path
  return try! RuleEngine(rulesPath: path)  // swift-format-ignore: NeverUseForceTry
}()

/// Checks an initiative written as YAML.
func check(_ yaml: String, engine: RuleEngine = fixtureEngine) -> RuleEngine.CheckResult {
  let file = SourceFile(path: "initiative.yaml", text: yaml)
  return engine.check(file: file)[0]
}

/// An initiative for the fixture municipality with the given facts.
func initiative(_ facts: String, date: String = "2026-06-20") -> String {
  "id: test\nmunicipality: testdorp\ndate: \(date)\nfacts:\n" + facts.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n") + "\n"
}

@Suite struct EngineTests {
  @Test func fixtureRulebooksLoadClean() {
    #expect(fixtureEngine.library.diagnostics.isEmpty, "\(DiagnosticTextRenderer().render(fixtureEngine.library.diagnostics))")
  }

  struct VerdictCase: Sendable, CustomTestStringConvertible {
    let name: String
    let facts: String
    let level: VerdictLevel
    let determined: Bool
    let applies: [String]
    var testDescription: String { name }
  }

  static let verdicts: [VerdictCase] = [
    .init(name: "small event needs a notification", facts: "visitors: 150\nstart: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: nee", level: .notificationRequired, determined: true, applies: ["melding"]),
    .init(name: "one visitor over the limit needs a permit", facts: "visitors: 151\nstart: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: nee", level: .permitRequired, determined: true, applies: ["vergunning"]),
    .init(name: "end past midnight is the next day", facts: "visitors: 50\nstart: '20:00'\nend: '01:00'\nroad: geen\nmusic: nee\nalcohol: nee", level: .permitRequired, determined: true, applies: ["vergunning"]),
    .init(name: "alcohol adds an exemption", facts: "visitors: 50\nstart: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: ja", level: .permitRequired, determined: true, applies: ["melding", "alcohol"]),
    .init(name: "late music at a small event is prohibited", facts: "visitors: 50\nstart: '18:00'\nend: '23:00'\nroad: geen\nmusic: ja\nmusic_end: '22:30'\nalcohol: nee", level: .prohibited, determined: true, applies: ["melding", "buurtfeest-muziek"]),
    .init(name: "a specific rule overrides the general one", facts: "visitors: 50\nstart: '18:00'\nend: '23:00'\nroad: woonstraat\nmusic: ja\nmusic_end: '22:30'\nalcohol: nee", level: .notificationRequired, determined: true, applies: ["melding", "muziek-woonstraat"]),
    .init(name: "music end defaults to the event end", facts: "visitors: 50\nstart: '18:00'\nend: '23:00'\nroad: geen\nmusic: ja\nalcohol: nee", level: .prohibited, determined: true, applies: ["buurtfeest-muziek"]),
    .init(name: "missing visitors leaves it open", facts: "start: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: nee", level: .allowed, determined: false, applies: []),
    .init(name: "false and unknown is false", facts: "visitors: 500\nroad: geen\nmusic: nee\nalcohol: nee", level: .permitRequired, determined: true, applies: ["vergunning"]),
  ]

  @Test(arguments: verdicts)
  func verdict(_ c: VerdictCase) throws {
    let result = check(initiative(c.facts))
    let evaluation = try #require(result.evaluation, "\(result.diagnostics.map(\.message))")
    #expect(evaluation.verdict.level == c.level)
    #expect(evaluation.verdict.determined == c.determined)
    let applying = evaluation.findings.filter { $0.status == .applies }.map { $0.rule.rule.id }
    for id in c.applies { #expect(applying.contains(id)) }
  }

  @Test func undeterminedVerdictSaysWhatItCanBecome() throws {
    let evaluation = try #require(check(initiative("start: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: nee")).evaluation)
    #expect(evaluation.verdict.possibleLevels == [.allowed, .notificationRequired, .permitRequired])
    let melding = try #require(evaluation.finding("melding"))
    #expect(melding.status == .undetermined)
    #expect(melding.missingFacts == ["visitors"])
  }

  @Test func overriddenRuleSaysWhichRuleSetItAside() throws {
    let evaluation = try #require(
      check(initiative("visitors: 50\nstart: '18:00'\nend: '23:00'\nroad: woonstraat\nmusic: ja\nmusic_end: '22:30'\nalcohol: nee")).evaluation)
    let general = try #require(evaluation.finding("buurtfeest-muziek"))
    #expect(general.status == .doesNotApply)
    #expect(general.reason == .overridden)
    #expect(general.overriddenBy == ["muziek-woonstraat"])
  }

  @Test func requiredListsEveryPermission() throws {
    let evaluation = try #require(check(initiative("visitors: 50\nstart: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: ja")).evaluation)
    #expect(evaluation.verdict.required.map(\.rule) == ["melding", "alcohol"])
    #expect(evaluation.verdict.decidedBy == ["alcohol"])
  }

  struct InputProblem: Sendable, CustomTestStringConvertible {
    let name: String
    let facts: String
    let code: String
    let underlined: String
    let help: String?
    var testDescription: String { name }
  }

  static let inputProblems: [InputProblem] = [
    .init(name: "unknown fact with did-you-mean", facts: "visitor: 10", code: "initiative.unknown-fact", underlined: "visitor", help: "did you mean 'visitors'?"),
    .init(name: "not a number", facts: "visitors: veel", code: "initiative.bad-value", underlined: "veel", help: "write it like '150'"),
    .init(name: "bad enum value", facts: "road: doorgaandeweg", code: "initiative.bad-value", underlined: "doorgaandeweg", help: "did you mean 'doorgaande_weg'?"),
    .init(name: "time out of range", facts: "start: '24:30'", code: "initiative.bad-value", underlined: "'24:30'", help: "write it like '18:30'"),
    .init(name: "below minimum", facts: "visitors: -5", code: "initiative.out-of-range", underlined: "-5", help: "check the value"),
    .init(name: "constraint between facts", facts: "start: '18:00'\nend: '22:00'\nmusic: ja\nmusic_end: '23:00'", code: "initiative.constraint", underlined: "id", help: nil),
  ]

  @Test(arguments: inputProblems)
  func badInputIsPositioned(_ c: InputProblem) throws {
    let result = check(initiative(c.facts))
    #expect(result.evaluation == nil)
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.code == c.code)
    #expect(diagnostic.span.map { String($0.text.prefix(c.underlined.count)) } == c.underlined)
    if let help = c.help { #expect(diagnostic.help == help) }
  }

  @Test func asOfSelectsTheRulesInForce() throws {
    let text = initiative("visitors: 150\nstart: '18:00'\nend: '22:00'\nroad: geen\nmusic: nee\nalcohol: nee")
    let result = fixtureEngine.check(file: SourceFile(path: "i.yaml", text: text), options: .init(asOf: CalendarDay(year: 2030, month: 1, day: 1)))
    #expect(result[0].evaluation?.asOf == CalendarDay(year: 2030, month: 1, day: 1))
  }

  @Test func multiDocumentFileGivesOneResultPerInitiative() {
    let text = initiative("visitors: 10") + "---\n" + initiative("visitors: veel")
    let results = fixtureEngine.check(file: SourceFile(path: "i.yaml", text: text))
    #expect(results.count == 2)
    #expect(results[0].evaluation != nil)
    #expect(results[1].evaluation == nil)
  }
}

@Suite struct OverrideTests {
  func evaluate(_ facts: String) throws -> Evaluation {
    let text = "id: t\nmunicipality: voorrangdorp\nfacts:\n" + facts.split(separator: "\n").map { "  \($0)" }.joined(separator: "\n") + "\n"
    return try #require(check(text).evaluation)
  }

  @Test func anApplyingOverrideSetsAsideARuleWhoseOwnFactsAreMissing() throws {
    let evaluation = try evaluate("tent: ja\nown_land: ja")
    let general = try #require(evaluation.finding("general"))
    #expect(general.status == .doesNotApply)
    #expect(general.reason == .overridden)
    #expect(evaluation.verdict.determined)
    #expect(evaluation.verdict.level == .allowed)
  }

  @Test func anUndeterminedOverrideLeavesTheGeneralRuleOpen() throws {
    let evaluation = try evaluate("tent: ja\nlarge: ja")
    #expect(evaluation.finding("general")?.status == .undetermined)
    #expect(evaluation.verdict.possibleLevels == [.allowed, .permitRequired])
  }
}
