import Engine
import Hummingbird
import Reports
import Room
import Rulebook
import SourceDiagnostics

/// `GET /api/v1/rulebooks/{id}/questions?facts=...&date=...`: the questions that still
/// matter for the facts given, and the verdict so far.
enum QuestionsRoute {
  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) {
    router.route(.get, "/api/v1/rulebooks/{id}/questions", in: &table) { request, requestContext in
      let engine = context.store.engine
      let rulebook = try RequestSupport.rulebook(requestContext, in: engine)
      let language = try RequestSupport.language(request) ?? "nl"
      let (written, diagnostics) = RequestSupport.initiative(from: request, rulebook: rulebook)
      if diagnostics.hasErrors { throw APIError(.unprocessableContent, diagnostics: diagnostics) }
      // A step of an interview goes on with the facts it can use; the others are named and
      // count as not given (a form may still hold the facts of another municipality's rules).
      let (initiative, ignored) = FactBinder.usable(written, for: rulebook)
      if ignored.hasErrors { throw APIError(.unprocessableContent, diagnostics: ignored) }
      let result = engine.check(initiative, options: .init(asOf: try RequestSupport.asOf(request), rulebook: rulebook.id, traces: false))
      guard let evaluation = result.evaluation?.withExactOutcomes() else { throw APIError(.unprocessableContent, diagnostics: result.diagnostics) }
      let questions = Interview(evaluation: evaluation).questions().map { FactV1($0.fact, in: rulebook) }
      let verdict = evaluation.verdict
      return try WireJSON.response(
        QuestionsV1(
          rulebook: rulebook.id, determined: verdict.determined, level: verdict.level.rawValue,
          label: Explanations(language: language).level(verdict.level),
          possibleLevels: verdict.possibleLevels.map(\.rawValue), answered: initiative.facts.map(\.name), questions: questions,
          ignored: ignored.map(DiagnosticV1.init)))
    }
  }
}

/// The answer of the questions route: what to ask next, and the verdict so far.
public struct QuestionsV1: Codable, Sendable, Hashable {
  public var rulebook: String
  /// Whether the verdict is settled: no answer can change it.
  public var determined: Bool
  /// The verdict so far (the level when every unknown falls the least restrictive way).
  public var level: String
  public var label: String
  public var possibleLevels: [String]
  /// The facts given.
  public var answered: [String]
  /// The facts still to ask, most decisive first; empty when determined.
  public var questions: [FactV1]
  /// The facts given that these rules cannot use (a name they do not ask, a value they cannot
  /// read), each a warning positioned in `facts`; they count as not given.
  public var ignored: [DiagnosticV1]

  enum CodingKeys: String, CodingKey {
    case rulebook, determined, level, label, questions, answered, ignored
    case possibleLevels = "possible_levels"
  }
}
