import Foundation
import Rulebook
import SourceDiagnostics
import Testing

/// Writes a rulebook folder with the given files under a fresh temporary folder.
func makeRulebooks(_ books: [String: [String: String]]) throws -> String {
  let root = FileManager.default.temporaryDirectory.appendingPathComponent("bricoleur-\(UUID().uuidString)")
  for (book, files) in books {
    let folder = root.appendingPathComponent(book)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
  }
  return root.path
}

/// A small rulebook that the cases below break one piece at a time.
let baseRulebook = """
  rulebook: {id: test, name: Test, municipality: testdorp}
  regulations:
    apv: {title: APV Testdorp, kind: bylaw, url: https://example.org/apv}
  facts:
    visitors: {type: integer, min: 0, adjustable: true, question: {nl: Hoeveel?, en: How many?}}
    activity: {type: enum, values: [straatfeest, markt]}
    end: {type: time}
  parameters:
    max_bezoekers: 150
  rules:
    - id: melding
      citation: {regulation: apv, article: "2:25", paragraph: "2"}
      when: visitors <= max_bezoekers
      outcome: notification
      explanation: {nl: "Hoogstens {max_bezoekers}.", en: "At most {max_bezoekers}."}

  """

struct LoaderCase: Sendable, CustomTestStringConvertible {
  let name: String
  /// Text appended to (or replacing part of) the base rulebook.
  let replace: (String, String)
  let code: String
  let underlined: String
  var testDescription: String { name }
}

@Suite struct RulebookLoaderTests {
  static let cases: [LoaderCase] = [
    .init(name: "unknown key with did-you-mean", replace: ("    when:", "    wen:"), code: "rule.unknown-key", underlined: "wen"),
    .init(name: "unknown fact in condition", replace: ("visitors <= max", "visitor <= max"), code: "expr.unknown-fact", underlined: "visitor"),
    .init(name: "unknown outcome", replace: ("outcome: notification", "outcome: notificaton"), code: "rule.bad-value", underlined: "notificaton"),
    .init(name: "missing outcome", replace: ("    outcome: notification\n", ""), code: "rule.missing-key", underlined: "id"),
    .init(name: "unknown regulation in citation", replace: ("{regulation: apv,", "{regulation: apw,"), code: "rule.unknown-reference", underlined: "apw"),
    .init(name: "unknown type", replace: ("type: time", "type: tijd"), code: "rule.unknown-type", underlined: "tijd"),
    .init(name: "wrong kind for rules", replace: ("rules:\n", "rules: 3\nxrules:\n"), code: "rule.wrong-kind", underlined: "3"),
    .init(name: "unknown placeholder", replace: ("Hoogstens {max_bezoekers}", "Hoogstens {max_bezoeker}"), code: "rule.template", underlined: "melding"),
    .init(name: "bad enum value in condition", replace: ("visitors <= max_bezoekers", "activity == straatfest"), code: "expr.unknown-enum-value", underlined: "straatfest"),
    .init(name: "duplicate rule id", replace: ("rules:\n", "rules:\n  - {id: melding, outcome: permit}\n"), code: "rule.duplicate-id", underlined: "melding"),
    .init(name: "bad min", replace: ("min: 0", "min: nul"), code: "rule.bad-value", underlined: "nul"),
    .init(
      name: "presumed value of the wrong type",
      replace: ("  end: {type: time}", "  end: {type: time}\n  nuisance: {type: bool, judgement: {assessed_by: burgemeester, presumed: {value: misschien}}}"),
      code: "rule.bad-value", underlined: "misschien"),
    .init(name: "extends unknown", replace: ("municipality: testdorp}", "municipality: testdorp, extends: model-apvv}"), code: "rule.unknown-reference", underlined: "model-apvv"),
  ]

  @Test(arguments: cases)
  func loadingProblemIsPositioned(_ c: LoaderCase) throws {
    #expect(baseRulebook.contains(c.replace.0), "the case must change the base rulebook")
    let text = baseRulebook.replacingOccurrences(of: c.replace.0, with: c.replace.1)
    let root = try makeRulebooks(["test": ["rulebook.yaml": text]])
    let library = try RulebookLibrary.load(path: root)
    let diagnostic = try #require(library.diagnostics.first { $0.code == c.code }, "codes: \(library.diagnostics.map(\.code))")
    #expect(diagnostic.span?.text == c.underlined)
    #expect(diagnostic.severity == .error)
    #expect(library.rulebooks["test"] == nil)
  }

  @Test func baseRulebookLoadsClean() throws {
    let library = try RulebookLibrary.load(path: try makeRulebooks(["test": ["rulebook.yaml": baseRulebook]]))
    #expect(library.diagnostics.isEmpty)
    let rulebook = try #require(library.rulebook(for: "testdorp"))
    #expect(rulebook.epochs[0].parameterValues["max_bezoekers"] == .integer(150))
  }

  @Test func municipalityOverridesAParameterWithoutCopyingRules() throws {
    let child = "rulebook: {id: child, name: Kind, municipality: kinddorp, extends: test}\nparameters:\n  max_bezoekers: 200\n"
    let library = try RulebookLibrary.load(path: try makeRulebooks(["test": ["rulebook.yaml": baseRulebook], "child": ["rulebook.yaml": child]]))
    #expect(library.diagnostics.isEmpty)
    let rulebook = try #require(library.rulebooks["child"])
    #expect(rulebook.chain == ["test", "child"])
    #expect(rulebook.epochs[0].parameterValues["max_bezoekers"] == .integer(200))
    #expect(rulebook.epochs[0].rules.map { $0.rule.id } == ["melding"])
  }

  @Test func rulebookThatExtendsItselfIsRefused() throws {
    let own = baseRulebook.replacingOccurrences(of: "municipality: testdorp}", with: "municipality: testdorp, extends: test}")
    let library = try RulebookLibrary.load(path: try makeRulebooks(["test": ["rulebook.yaml": own]]))
    #expect(library.diagnostics.map(\.code).contains("rule.extends-cycle"))
  }

  @Test func parameterVersionsSplitIntoEpochs() throws {
    let versioned = baseRulebook.replacingOccurrences(
      of: "  max_bezoekers: 150\n",
      with: "  max_bezoekers:\n    versions:\n      - {value: 150, valid_until: 2025-12-31}\n      - {value: 200, valid_from: 2026-01-01}\n")
    let library = try RulebookLibrary.load(path: try makeRulebooks(["test": ["rulebook.yaml": versioned]]))
    #expect(library.diagnostics.isEmpty)
    let rulebook = try #require(library.rulebooks["test"])
    #expect(rulebook.epoch(on: InputValueParser.date("2025-06-01")).parameterValues["max_bezoekers"] == .integer(150))
    #expect(rulebook.epoch(on: InputValueParser.date("2026-06-01")).parameterValues["max_bezoekers"] == .integer(200))
  }

  @Test func everyProblemOfARulebookIsReportedInOneRun() throws {
    let broken = baseRulebook
      .replacingOccurrences(of: "    when:", with: "    wen:")
      .replacingOccurrences(of: "type: time", with: "type: tijd")
      .replacingOccurrences(of: "min: 0", with: "min: nul")
    let library = try RulebookLibrary.load(path: try makeRulebooks(["test": ["rulebook.yaml": broken]]))
    #expect(Set(library.diagnostics.map(\.code)).isSuperset(of: ["rule.unknown-key", "rule.unknown-type", "rule.bad-value"]))
  }
}
