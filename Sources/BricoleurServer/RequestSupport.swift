import Engine
import Foundation
import Hummingbird
import NIOCore
import NIOPosix
import RuleLanguage
import Rulebook
import SourceDiagnostics
import YAMLTree

/// Reading requests: bodies within their limit, and the query parameters the API shares.
enum RequestSupport {
  /// The body's bytes; 413 (`http.body-too-large`) beyond `limit`, 503 (`http.timeout`)
  /// when it does not arrive within `timeout`, 400 (`http.bad-request`) when its framing is
  /// broken (a bad chunk size, say) or the connection ends before it does.
  static func body(of request: Request, limit: Int, timeout: Duration) async throws -> [UInt8] {
    if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw APIError.tooLarge(limit) }
    let body = request.body
    do {
      return try await withTimeout(timeout) { Array(try await body.collect(upTo: limit).readableBytesView) }
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw APIError.tooLarge(limit)
    } catch let error as any HTTPResponseError {
      throw error
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      throw APIError(.badRequest, code: "http.bad-request", "the request's body could not be read")
    }
  }

  /// The result of `work`, or 503 (`http.timeout`) when it takes longer than `limit`.
  static func withTimeout<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
      group.addTask { try await work() }
      group.addTask {
        try await sleep(for: limit)
        return nil
      }
      defer { group.cancelAll() }
      guard let first = try await group.next(), let value = first else {
        throw APIError(.serviceUnavailable, code: "http.timeout", "the request took longer than the time limit")
      }
      return value
    }
  }

  /// Sleeps for `limit`, or until cancelled. On an event loop's thread (where each connection is
  /// served) the timer is the loop's own: a timer of Swift's global executor would wake another
  /// thread to register it and again to cancel it, for every request.
  static func sleep(for limit: Duration) async throws {
    guard let loop = MultiThreadedEventLoopGroup.currentEventLoop else { return try await Task.sleep(for: limit) }
    let (seconds, attoseconds) = limit.components
    let timer = loop.scheduleTask(in: .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)) {}
    try await withTaskCancellationHandler {
      do {
        try await timer.futureResult.get()
      } catch {
        throw CancellationError()
      }
    } onCancel: {
      timer.cancel()
    }
  }

  /// `?lang=`: `nl` or `en`, or nil when not given.
  static func language(_ request: Request) throws -> String? {
    guard let lang = request.uri.queryParameters.get("lang") else { return nil }
    guard ["nl", "en"].contains(lang) else { throw APIError.badParameter("lang must be 'nl' or 'en', not '\(lang)'") }
    return lang
  }

  /// `?as_of=YYYY-MM-DD`, or nil when not given.
  static func asOf(_ request: Request) throws -> CalendarDay? {
    try date(request, parameter: "as_of")
  }

  /// A date query parameter; 400 when it is not a date.
  static func date(_ request: Request, parameter: String) throws -> CalendarDay? {
    guard let text = request.uri.queryParameters.get(parameter) else { return nil }
    guard let day = InputValueParser.date(text) else {
      throw APIError.badParameter("\(parameter) must be a date like 2026-07-04, not '\(text)'")
    }
    return day
  }

  /// The rulebook `{id}` of the path (an id or a municipality); 404 when there is none.
  static func rulebook(_ context: some RequestContext, in engine: RuleEngine) throws -> CompiledRulebook {
    let id = context.parameters.get("id") ?? ""
    guard let rulebook = engine.library.rulebook(for: id) else {
      var error = APIError.notFound("no rulebook '\(id)'")
      error.body.diagnostics = [
        DiagnosticV1(
          .error(
            RulebookDiagnostics.unknownReference, "no rulebook for municipality '\(id)'", at: nil,
            help: engine.library.unknownMunicipalityHelp(id)))
      ]
      throw error
    }
    return rulebook
  }

  /// An initiative from query parameters: `facts` is a JSON (or YAML flow) mapping of fact
  /// names to values; `date` the initiative's date. Diagnostics point into the `facts` text.
  static func initiative(from request: Request, rulebook: CompiledRulebook) -> (Initiative, [Diagnostic]) {
    let parameters = FormParameters(request.uri.query ?? "")
    var initiative = Initiative(id: "questions", municipality: rulebook.id)
    var diagnostics: [Diagnostic] = []
    if let dateText = parameters.get("date") {
      if let day = InputValueParser.date(dateText) {
        initiative.date = day
      } else {
        diagnostics.append(
          .error(RulebookDiagnostics.badFactValue, "date must be a date like 2026-07-04, not '\(dateText)'", at: nil))
      }
    }
    guard let factsText = parameters.get("facts"), !factsText.isEmpty else { return (initiative, diagnostics) }
    let (file, sourceDiagnostics) = YAMLSource.make(path: "facts", bytes: Array(factsText.utf8))
    let (root, readDiagnostics) = sourceDiagnostics.hasErrors ? (nil, sourceDiagnostics) : YAMLReader().readSingle(file)
    diagnostics += readDiagnostics
    guard let root, !root.isNull else { return (initiative, diagnostics) }
    // The facts are read by the one decoder of initiatives, with its diagnostics.
    var schema = SchemaReader()
    initiative.facts = InitiativeReader.facts(root, schema: &schema)
    diagnostics += schema.diagnostics
    return (initiative, diagnostics)
  }
}

/// Query parameters read as a form encodes them (`application/x-www-form-urlencoded`, as a
/// browser's URLSearchParams writes them): `+` is a space, `%2B` a plus.
struct FormParameters {
  private var values: [String: String] = [:]

  init(_ query: String) {
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      let decode = { (text: Substring) in String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
      let name = decode(parts[0])
      if values[name] == nil { values[name] = parts.count > 1 ? decode(parts[1]) : "" }
    }
  }

  func get(_ name: String) -> String? { values[name] }
}
