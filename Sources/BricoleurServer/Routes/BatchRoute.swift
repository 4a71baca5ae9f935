import Engine
import Foundation
import Hummingbird
import Reports
import SourceDiagnostics
import YAMLTree

/// `POST /api/v1/batch`: JSON Lines in, JSON Lines out. Every non-blank line yields one line:
/// the evaluation (as `evaluate` gives it, without traces), or `{"line": n, "error": ErrorV1}`.
enum BatchRoute {
  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) {
    router.route(.post, "/api/v1/batch", in: &table) { request, _ in
      let language = try RequestSupport.language(request)
      let options = RuleEngine.CheckOptions(asOf: try RequestSupport.asOf(request), traces: false)
      let bytes = try await RequestSupport.body(of: request, limit: context.configuration.maxBatchBytes, timeout: context.configuration.requestTimeout)
      guard !bytes.isEmpty else { throw APIError(.badRequest, code: "http.no-body", "send the initiatives as JSON Lines in the request body") }
      let deadline = ContinuousClock.now + context.configuration.requestTimeout
      let output = run(bytes, engine: context.store.engine, options: options, language: language, deadline: deadline)
      return WireJSON.text(output, contentType: "application/x-ndjson; charset=utf-8")
    }
  }

  /// One output line per non-blank input line; lines after the deadline get a timeout error.
  static func run(
    _ bytes: [UInt8], engine: RuleEngine, options: RuleEngine.CheckOptions, language: String?,
    deadline: ContinuousClock.Instant
  ) -> String {
    var output = ""
    for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
      guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
      let number = index + 1
      if ContinuousClock.now > deadline {
        output += errorLine(number, ErrorV1(code: "http.timeout", message: "the batch took longer than the time limit"))
        continue
      }
      output += evaluateLine(Array(line), number: number, engine: engine, options: options, language: language)
    }
    return output
  }

  static func evaluateLine(
    _ line: [UInt8], number: Int, engine: RuleEngine, options: RuleEngine.CheckOptions, language: String?
  ) -> String {
    let (file, sourceDiagnostics) = YAMLSource.make(path: "line \(number)", bytes: line)
    if sourceDiagnostics.hasErrors { return errorLine(number, ErrorV1(sourceDiagnostics)) }
    let results = engine.check(file: file, options: options)
    if let failed = results.first(where: { $0.evaluation == nil }) { return errorLine(number, ErrorV1(failed.diagnostics)) }
    guard results.count == 1, let evaluation = results[0].evaluation?.withExactOutcomes() else {
      return errorLine(number, ErrorV1(code: "batch.one-per-line", message: "a line must hold exactly one initiative"))
    }
    let renderer = EvaluationJSONRenderer(language: language ?? evaluation.initiative.language ?? "nl", traces: false)
    return String(decoding: renderer.serializedBytes(evaluation), as: UTF8.self) + "\n"
  }

  static func errorLine(_ number: Int, _ error: ErrorV1) -> String {
    let data = (try? WireJSON.encode(BatchErrorV1(line: number, error: error))) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// The output line for an input line that could not be evaluated.
public struct BatchErrorV1: Codable, Sendable, Hashable {
  /// The input line, from 1.
  public var line: Int
  public var error: ErrorV1
}
