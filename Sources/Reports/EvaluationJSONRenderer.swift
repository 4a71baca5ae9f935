import Engine
import Room
import Rulebook
import RuleLanguage

/// The JSON of `check --format json` and the API: one object per initiative. The names
/// `initiative`, `rulebook`, `verdict` (`level`, `determined`, `required`) and `findings`
/// (`rule`, `status`, `outcome`, `citation`, `explanation`, `trace`) are stable.
public struct EvaluationJSONRenderer: Sendable {
  public var language: String
  /// Whether to include the traces (off in batch output).
  public var traces: Bool

  public init(language: String, traces: Bool = true) {
    self.language = language
    self.traces = traces
  }

  /// The evaluation; with `room`, also its `room` items and `questions`.
  public func render(_ evaluation: Evaluation, room: RoomAnalysis? = nil) -> JSONValue {
    let words = Explanations(language: language)
    var object: [(String, JSONValue)] = [
      ("initiative", .string(evaluation.initiative.id)),
      ("rulebook", .string(evaluation.rulebook.id)),
    ]
    if let day = evaluation.asOf { object.append(("as_of", .string(day.description))) }
    object.append(("verdict", verdict(evaluation.verdict, words)))
    object.append(("findings", .array(evaluation.findings.map { finding($0, evaluation, words) })))
    if let room { object += RoomJSONRenderer(language: language).members(room, in: evaluation) }
    return .object(object)
  }

  func verdict(_ verdict: Verdict, _ words: Explanations) -> JSONValue {
    .object([
      ("level", .string(verdict.level.rawValue)),
      ("label", .string(words.level(verdict.level))),
      ("determined", .bool(verdict.determined)),
      ("possible_levels", .array(verdict.possibleLevels.map { .string($0.rawValue) })),
      ("decided_by", .array(verdict.decidedBy.map(JSONValue.string))),
      ("required", .array(verdict.required.map(requirement))),
    ])
  }

  func requirement(_ requirement: Requirement) -> JSONValue {
    var object: [(String, JSONValue)] = [("kind", .string(requirement.kind.rawValue))]
    if !requirement.name.isEmpty { object.append(("name", .string(requirement.name.text(language)))) }
    if let authority = requirement.authority { object.append(("authority", .string(authority))) }
    object.append(("rule", .string(requirement.rule)))
    if let citation = requirement.citation { object.append(("citation", Self.citation(citation))) }
    return .object(object)
  }

  static func citation(_ citation: Citation) -> JSONValue {
    var object: [(String, JSONValue)] = [("regulation", .string(citation.regulation)), ("article", .string(citation.article))]
    if let paragraph = citation.paragraph { object.append(("paragraph", .string(paragraph))) }
    if let url = citation.url { object.append(("url", .string(url))) }
    return .object(object)
  }

  func finding(_ finding: Finding, _ evaluation: Evaluation, _ words: Explanations) -> JSONValue {
    let rule = finding.rule.rule
    var object: [(String, JSONValue)] = [
      ("rule", .string(rule.id)),
      ("title", .string(rule.title.text(language))),
      ("status", .string(finding.status.rawValue)),
      ("reason", .string(finding.reason.rawValue)),
      ("outcome", .string(rule.outcome.kind.rawValue)),
    ]
    if let citation = rule.citation { object.append(("citation", Self.citation(citation))) }
    if !finding.overriddenBy.isEmpty { object.append(("overridden_by", .array(finding.overriddenBy.map(JSONValue.string)))) }
    if !finding.missingFacts.isEmpty { object.append(("missing_facts", .array(finding.missingFacts.map(JSONValue.string)))) }
    object.append(("explanation", .string(words.sentence(for: finding, in: evaluation))))
    object.append(("source", .string("\(rule.idSpan.file.path):\(rule.idSpan.startLocation.line)")))
    if traces {
      var trace: [(String, JSONValue)] = []
      if let scope = finding.scopeTrace { trace.append(("scope", Self.trace(scope))) }
      if let condition = finding.conditionTrace { trace.append(("condition", Self.trace(condition))) }
      object.append(("trace", .object(trace)))
    }
    return .object(object)
  }

  static func trace(_ node: TraceNode) -> JSONValue {
    var object: [(String, JSONValue)] = [("expr", .string(node.text)), ("value", node.value.map(value) ?? .null)]
    if !node.inputs.isEmpty {
      object.append(("inputs", .object(node.inputs.map { ($0.name, value($0.value)) })))
    }
    if !node.children.isEmpty { object.append(("children", .array(node.children.map(trace)))) }
    return .object(object)
  }

  /// A value in JSON: booleans and integers as such, everything else in its source form.
  static func value(_ value: Value) -> JSONValue {
    switch value {
    case .unknown: .null
    case .bool(let flag): .bool(flag)
    case .integer(let number): .int(number)
    case .enumCase(let name): .string(name)
    case .text(let text): .string(text)
    case .list(let items): .array(items.map(Self.value))
    default: .string(value.description)
    }
  }
}
