import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// Reads rule-test files: an optional `base:` case and the `tests:` that differ from it.
public enum RuleTestReader {
  /// The keys of a tests file, of a test and of its `expect:` (the base's are `RuleTestBase.keys`).
  public static let fileKeys = ["base", "tests"]
  public static let caseKeys = ["name", "date", "municipality", "language", "facts", "expect"]
  public static let expectKeys = ["verdict", "determined", "applies", "does_not_apply", "undetermined", "required", "schemes"]

  /// The test cases in one file, with problems positioned in it.
  public static func read(_ file: SourceFile, rulebook: String) -> ([RuleTestCase], [Diagnostic]) {
    let (root, readDiagnostics) = YAMLReader().readSingle(file)
    var schema = SchemaReader()
    schema.diagnostics = readDiagnostics
    guard let root, let top = schema.mapping(root, allowed: fileKeys, what: "a test file"),
      let list = schema.required(top, "tests", in: root, what: "a test file")
    else { return ([], schema.diagnostics) }
    var base = RuleTestBase()
    if let baseNode = top["base"], schema.mapping(baseNode, allowed: RuleTestBase.keys, what: "the base case") != nil {
      base.pairs = baseNode.mapping ?? []
    }
    guard let items = list.sequence else {
      schema.error(RulebookDiagnostics.wrongKind, "tests must be a list", at: list.span, help: "start each test with '- name: ...'")
      return ([], schema.diagnostics)
    }
    var cases: [RuleTestCase] = []
    var problems: [Diagnostic] = []
    for (index, item) in items.enumerated() {
      guard let keys = schema.mapping(item, allowed: caseKeys, what: "a test") else { continue }
      let name = schema.string(keys["name"], what: "name") ?? "test \(index + 1)"
      // The test reads as an initiative: the base with its own keys laid over, minus `name` and `expect`.
      var document = base.merged(into: item)
      if case .mapping(let pairs) = document.content {
        document.content = .mapping(pairs.filter { !["name", "expect"].contains($0.key.scalar ?? "") })
      }
      let (initiative, initiativeProblems) = InitiativeReader.read(document, in: file, index: index)
      // A problem in the base is met by every test; it is reported once.
      problems += initiativeProblems.filter { !problems.contains($0) }
      guard var initiative else { continue }
      initiative.id = name
      if initiative.municipality == nil { initiative.municipality = rulebook }
      let expectation = keys["expect"].map { readExpectation($0, schema: &schema) } ?? RuleTestCase.Expectation()
      cases.append(RuleTestCase(name: name, initiative: initiative, expectation: expectation, span: item.span))
    }
    return (cases, schema.diagnostics + problems)
  }

  /// What a test's `expect:` asks for.
  static func readExpectation(_ expect: YAMLNode, schema: inout SchemaReader) -> RuleTestCase.Expectation {
    var expectation = RuleTestCase.Expectation()
    guard let keys = schema.mapping(expect, allowed: expectKeys, what: "expect") else { return expectation }
    if let verdictNode = keys["verdict"], let text = schema.string(verdictNode, what: "verdict") {
      expectation.verdict = VerdictLevel(rawValue: text)
      if expectation.verdict == nil {
        schema.error(
          RulebookDiagnostics.badValue, "unknown verdict '\(text)'", at: verdictNode.span,
          help: Suggestions.didYouMean(text, in: VerdictLevel.allCases.map(\.rawValue)))
      }
    }
    expectation.determined = schema.bool(keys["determined"], what: "determined")
    expectation.applies = schema.stringList(keys["applies"], what: "applies").map(\.0)
    expectation.doesNotApply = schema.stringList(keys["does_not_apply"], what: "does_not_apply").map(\.0)
    expectation.undetermined = schema.stringList(keys["undetermined"], what: "undetermined").map(\.0)
    if let schemes = keys["schemes"] {
      for (scheme, _, node) in schema.namedEntries(schemes, what: "schemes", identifiers: false) {
        guard let text = schema.string(node, what: "scheme decision") else { continue }
        guard let decision = SchemeDecision.Decision(rawValue: text) else {
          schema.error(
            RulebookDiagnostics.badValue, "unknown scheme decision '\(text)'", at: node.span,
            help: Suggestions.didYouMean(text, in: SchemeDecision.Decision.allCases.map(\.rawValue)))
          continue
        }
        expectation.schemes.append((scheme, decision))
      }
    }
    if keys["required"] != nil { expectation.required = schema.stringList(keys["required"], what: "required").map(\.0) }
    return expectation
  }
}
