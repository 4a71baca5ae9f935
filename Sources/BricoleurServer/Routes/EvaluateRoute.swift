import Engine
import Hummingbird
import Reports
import Room
import RuleLanguage
import SourceDiagnostics
import YAMLTree

/// `POST /api/v1/evaluate`: an initiative as JSON or YAML; answers the JSON of
/// `check --format json` (or its Markdown or text with `?format=`).
enum EvaluateRoute {
  enum Format: String { case json, markdown, text }

  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) {
    router.route(.post, "/api/v1/evaluate", in: &table) { request, _ in
      let language = try RequestSupport.language(request)
      let options = RuleEngine.CheckOptions(asOf: try RequestSupport.asOf(request))
      let formatText = request.uri.queryParameters.get("format") ?? "json"
      guard let format = Format(rawValue: formatText) else {
        throw APIError.badParameter("format must be 'json', 'markdown' or 'text', not '\(formatText)'")
      }
      // Room to manoeuvre is part of the answer, as in `check`; `?room=false` leaves it out.
      let roomText = request.uri.queryParameters.get("room") ?? "true"
      guard let withRoom = ["true": true, "false": false][roomText] else {
        throw APIError.badParameter("room must be 'true' or 'false', not '\(roomText)'")
      }
      let today = try RequestSupport.date(request, parameter: "today") ?? CalendarDay.today
      let bytes = try await RequestSupport.body(of: request, limit: context.configuration.maxBodyBytes, timeout: context.configuration.requestTimeout)
      let evaluations = try evaluate(bytes, engine: context.store.engine, options: options)
      let rooms = evaluations.map { withRoom ? RoomAnalyzer().analyze($0, today: today) : nil }
      return render(evaluations, rooms: rooms, format: format, language: language)
    }
  }

  /// Every initiative in the body, evaluated; 422 with the diagnostics when one cannot be.
  static func evaluate(_ bytes: [UInt8], engine: RuleEngine, options: RuleEngine.CheckOptions) throws -> [Evaluation] {
    let (file, sourceDiagnostics) = YAMLSource.make(path: "request", bytes: bytes)
    if sourceDiagnostics.hasErrors { throw APIError(.unprocessableContent, diagnostics: sourceDiagnostics) }
    let results = engine.check(file: file, options: options)
    let failed = results.filter { $0.evaluation == nil }
    if !failed.isEmpty { throw APIError(.unprocessableContent, diagnostics: failed.flatMap(\.diagnostics)) }
    return results.compactMap { $0.evaluation?.withExactOutcomes() }
  }

  static func render(_ evaluations: [Evaluation], rooms: [RoomAnalysis?] = [], format: Format, language: String?) -> Response {
    func lang(_ evaluation: Evaluation) -> String { language ?? evaluation.initiative.language ?? "nl" }
    func room(_ index: Int) -> RoomAnalysis? { index < rooms.count ? rooms[index] : nil }
    switch format {
    case .json:
      // Written straight to text: one object, or an array of them.
      var writer = JSONWriter(pretty: true, capacity: 64 * 1024 * evaluations.count)
      if evaluations.count != 1 { writer.beginArray() }
      for (index, evaluation) in evaluations.enumerated() {
        EvaluationJSONRenderer(language: lang(evaluation)).write(evaluation, room: room(index), to: &writer)
      }
      if evaluations.count != 1 { writer.endArray() }
      writer.append(CollectionOfOne(UInt8(ascii: "\n")))
      return WireJSON.written(writer, contentType: "application/json; charset=utf-8")
    case .markdown:
      let text = evaluations.enumerated().map { EvaluationMarkdownRenderer(language: lang($1)).render($1, room: room($0)) }
        .joined(separator: "\n---\n\n")
      return WireJSON.text(text, contentType: "text/markdown; charset=utf-8")
    case .text:
      let text = evaluations.enumerated().map { EvaluationTextRenderer(language: lang($1)).render($1, room: room($0)) }
        .joined(separator: "\n")
      return WireJSON.text(text, contentType: "text/plain; charset=utf-8")
    }
  }
}
