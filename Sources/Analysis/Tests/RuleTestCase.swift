import Engine
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// A rule test written next to a rulebook (`Rules/<id>/tests/*.yaml`): an initiative's facts
/// and what the rules must say about it.
public struct RuleTestCase: Sendable {
  public var name: String
  public var initiative: Initiative
  public var expectation: Expectation
  public var span: SourceSpan

  /// What a test expects; absent parts are not checked.
  public struct Expectation: Sendable {
    public var verdict: VerdictLevel?
    public var determined: Bool?
    public var applies: [String] = []
    public var doesNotApply: [String] = []
    public var undetermined: [String] = []
    /// Rule ids whose requirement must be listed.
    public var required: [String]?
    /// The decision of each scheme named (`right_to_challenge: not_eligible`).
    public var schemes: [(scheme: String, decision: SchemeDecision.Decision)] = []
  }
}

/// Reads rule-test files.
public enum RuleTestReader {
  static let caseKeys = ["name", "date", "municipality", "language", "facts", "expect"]
  static let expectKeys = ["verdict", "determined", "applies", "does_not_apply", "undetermined", "required", "schemes"]

  /// The test cases in one file, with problems positioned in it.
  public static func read(_ file: SourceFile, rulebook: String) -> ([RuleTestCase], [Diagnostic]) {
    let (root, readDiagnostics) = YAMLReader().readSingle(file)
    var schema = SchemaReader()
    schema.diagnostics = readDiagnostics
    guard let root, let top = schema.mapping(root, allowed: ["tests"], what: "a test file"),
      let list = schema.required(top, "tests", in: root, what: "a test file")
    else { return ([], schema.diagnostics) }
    guard let items = list.sequence else {
      schema.error(RulebookDiagnostics.wrongKind, "tests must be a list", at: list.span, help: "start each test with '- name: ...'")
      return ([], schema.diagnostics)
    }
    var cases: [RuleTestCase] = []
    for (index, item) in items.enumerated() {
      guard let keys = schema.mapping(item, allowed: caseKeys, what: "a test") else { continue }
      let name = schema.string(keys["name"], what: "name") ?? "test \(index + 1)"
      var document = item
      // The test reads as an initiative: its keys minus `name` and `expect`.
      if case .mapping(let pairs) = item.content {
        document.content = .mapping(pairs.filter { !["name", "expect"].contains($0.key.scalar ?? "") })
      }
      let (initiative, problems) = InitiativeReader.read(document, in: file, index: index)
      schema.diagnostics += problems
      guard var initiative else { continue }
      initiative.id = name
      if initiative.municipality == nil { initiative.municipality = rulebook }
      var expectation = RuleTestCase.Expectation()
      if let expect = keys["expect"], let expectKeys = schema.mapping(expect, allowed: expectKeys, what: "expect") {
        if let verdictNode = expectKeys["verdict"], let text = schema.string(verdictNode, what: "verdict") {
          expectation.verdict = VerdictLevel(rawValue: text)
          if expectation.verdict == nil {
            schema.error(
              RulebookDiagnostics.badValue, "unknown verdict '\(text)'", at: verdictNode.span,
              help: Suggestions.didYouMean(text, in: VerdictLevel.allCases.map(\.rawValue)))
          }
        }
        expectation.determined = schema.bool(expectKeys["determined"], what: "determined")
        expectation.applies = schema.stringList(expectKeys["applies"], what: "applies").map(\.0)
        expectation.doesNotApply = schema.stringList(expectKeys["does_not_apply"], what: "does_not_apply").map(\.0)
        expectation.undetermined = schema.stringList(expectKeys["undetermined"], what: "undetermined").map(\.0)
        if let schemes = expectKeys["schemes"] {
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
        if expectKeys["required"] != nil { expectation.required = schema.stringList(expectKeys["required"], what: "required").map(\.0) }
      }
      cases.append(RuleTestCase(name: name, initiative: initiative, expectation: expectation, span: item.span))
    }
    return (cases, schema.diagnostics)
  }
}
