import Engine
import Foundation
import Reports
import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// What an assistant can ask of Bricoleur: the rulebooks, a rulebook's questions, the answer
/// for an initiative (the JSON of `check --format json`, with the room to manoeuvre) and the
/// next question to ask. Each tool takes and gives JSON; the MCP server only carries it.
public struct AssistantTools: Sendable {
  public let engine: RuleEngine
  /// The day deadlines are counted from (today, unless a test fixes it).
  public let today: CalendarDay?

  public init(engine: RuleEngine, today: CalendarDay? = CalendarDay.today) {
    self.engine = engine
    self.today = today
  }

  /// A tool's answer: its text for people and its JSON, or an error message.
  public struct Answer: Sendable {
    public var text: String
    public var json: String?
    public var isError: Bool
  }

  /// The tools, each with a description and the JSON Schema of its arguments.
  public static let tools: [(name: String, description: String, inputSchema: String)] = [
    (
      "list_rulebooks", "The rulebooks Bricoleur holds: each municipality's own, and the model APV that answers for the others.",
      #"{"type": "object", "properties": {}}"#
    ),
    (
      "rulebook_questions",
      "The questions a rulebook can ask about an initiative (its facts): name, question, type, the values a choice allows, and whether only the municipality can judge it.",
      #"{"type": "object", "required": ["municipality"], "properties": {"municipality": {"type": "string", "description": "a municipality's name, slug or CBS code (Borne, den-haag, GM0546)"}, "language": {"enum": ["nl", "en"]}}}"#
    ),
    (
      "check_initiative",
      "Checks a resident's initiative against the rules of its municipality: the verdict with the article it rests on, what is needed, the schemes' decisions, and the room to manoeuvre (adjustments, discretion, open norms, near misses, deciding unknowns, deadlines). Facts not given are unknown; the answer says which still matter.",
      #"{"type": "object", "required": ["initiative"], "properties": {"initiative": {"type": "object", "description": "as in an initiative file: {id, title, municipality, date (YYYY-MM-DD), language, facts: {name: value}}"}, "language": {"enum": ["nl", "en"]}, "today": {"type": "string", "description": "count deadlines from this day (YYYY-MM-DD)"}}}"#
    ),
    (
      "next_question",
      "The questions still worth asking about an initiative, the one that settles the verdict most first, with the verdict so far; never a question only the municipality can judge.",
      #"{"type": "object", "required": ["initiative"], "properties": {"initiative": {"type": "object"}, "language": {"enum": ["nl", "en"]}}}"#
    ),
  ]

  /// Runs a tool on its JSON arguments.
  public func call(_ name: String, arguments: [String: Any]) -> Answer {
    switch name {
    case "list_rulebooks": return rulebooks()
    case "rulebook_questions": return questions(of: arguments["municipality"] as? String ?? "", language: arguments["language"] as? String ?? "nl")
    case "check_initiative": return check(arguments)
    case "next_question": return nextQuestion(arguments)
    default: return Answer(text: "unknown tool '\(name)'; the tools are \(Self.tools.map(\.name).joined(separator: ", "))", isError: true)
    }
  }

  func rulebooks() -> Answer {
    let rulebooks = engine.library.rulebooks.values.sorted { $0.id < $1.id }
    let items: [[String: Any]] = rulebooks.map { rulebook in
      ["id": rulebook.id, "name": rulebook.definition.name.text("nl"), "municipality": rulebook.definition.municipality ?? NSNull()]
    }
    let text = rulebooks.map { "- \($0.id): \($0.definition.name.text("nl"))" }.joined(separator: "\n")
      + "\n\nEvery other Dutch municipality is checked against the model APV and the national rules, and the answer says so."
    return Answer(text: text, json: Self.encode(["rulebooks": items]), isError: false)
  }

  func questions(of municipality: String, language: String) -> Answer {
    guard let rulebook = engine.library.select(municipality)?.rulebook ?? engine.library.rulebook(for: municipality) else {
      return Answer(text: "no rulebook for municipality '\(municipality)'; \(engine.library.unknownMunicipalityHelp(municipality))", isError: true)
    }
    let facts: [[String: Any]] = rulebook.facts.filter { $0.name != "date" }.map { fact in
      var item: [String: Any] = ["name": fact.name, "question": fact.question.text(language), "type": "\(fact.type)", "judgement": fact.judgement != nil]
      if let cases = rulebook.enumCases(of: fact) { item["values"] = cases }
      return item
    }
    let text = facts.map { "- \($0["name"]!): \($0["question"]!)" }.joined(separator: "\n")
    return Answer(text: text, json: Self.encode(["rulebook": rulebook.id, "facts": facts]), isError: false)
  }

  func check(_ arguments: [String: Any]) -> Answer {
    switch evaluation(arguments) {
    case .failure(let error): return error.answer
    case .success(let evaluation):
      let language = arguments["language"] as? String ?? evaluation.initiative.language ?? "nl"
      let day = (arguments["today"] as? String).flatMap(InputValueParser.date) ?? today
      let room = RoomAnalyzer().analyze(evaluation, today: day)
      let markdown = EvaluationMarkdownRenderer(language: language).render(evaluation, room: room)
      let json = String(decoding: EvaluationJSONRenderer(language: language).serializedBytes(evaluation, room: room), as: UTF8.self)
      return Answer(text: markdown, json: json, isError: false)
    }
  }

  func nextQuestion(_ arguments: [String: Any]) -> Answer {
    switch evaluation(arguments) {
    case .failure(let error): return error.answer
    case .success(let evaluation):
      let language = arguments["language"] as? String ?? evaluation.initiative.language ?? "nl"
      let interview = Interview(evaluation: evaluation)
      let questions = interview.questions()
      let verdict = Explanations(language: language).verdictHeadline(evaluation.verdict)
      let items: [[String: Any]] = questions.map { question in
        var item: [String: Any] = ["fact": question.fact.name, "question": question.fact.question.text(language)]
        if let choices = question.choices { item["choices"] = choices }
        return item
      }
      let text = questions.first.map { "\($0.fact.question.text(language)) (\(language == "en" ? "verdict so far" : "oordeel tot nu toe"): \(verdict))" }
        ?? (language == "en" ? "Nothing left to ask: \(verdict)." : "Er is niets meer te vragen: \(verdict).")
      return Answer(
        text: text, json: Self.encode(["verdict": evaluation.verdict.level.rawValue, "determined": evaluation.verdict.determined, "questions": items]),
        isError: false)
    }
  }

  /// The evaluation of the `initiative` argument, read by the one reader of initiatives.
  func evaluation(_ arguments: [String: Any]) -> Result<Evaluation, AnswerError> {
    guard let initiative = arguments["initiative"], JSONSerialization.isValidJSONObject(initiative),
      let data = try? JSONSerialization.data(withJSONObject: initiative)
    else { return .failure(AnswerError(Answer(text: "give the initiative as a JSON object: {municipality, date, facts: {…}}", isError: true))) }
    let (file, sourceDiagnostics) = YAMLSource.make(path: "initiative", bytes: Array(data))
    let results = sourceDiagnostics.isEmpty ? engine.check(file: file) : []
    guard let result = results.first, let evaluation = result.evaluation else {
      let diagnostics = sourceDiagnostics + (results.first?.diagnostics ?? [])
      return .failure(AnswerError(Answer(text: DiagnosticTextRenderer(color: false).render(diagnostics), isError: true)))
    }
    return .success(evaluation.withExactOutcomes())
  }

  public struct AnswerError: Error {
    public var answer: Answer
    init(_ answer: Answer) { self.answer = answer }
  }

  static func encode(_ object: [String: Any]) -> String? {
    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) }
  }
}
