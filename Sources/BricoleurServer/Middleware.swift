import Hummingbird
import Logging

/// Counts requests and measures their latency per route (the route's pattern, not its path,
/// so `/api/v1/rulebooks/{id}` is one series).
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
  let metrics: RequestMetrics

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    let start = ContinuousClock.now
    let route = context.endpointPath ?? "unmatched"
    func record(_ status: HTTPResponse.Status) {
      let elapsed = ContinuousClock.now - start
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      metrics.record(method: request.method.rawValue, route: route, status: status.code, seconds: seconds)
    }
    do {
      let response = try await next(request, context)
      record(response.status)
      return response
    } catch let error as any HTTPResponseError {
      record(error.status)
      throw error
    } catch {
      record(.internalServerError)
      throw error
    }
  }
}

/// Turns every error into an `ErrorV1` JSON response, so clients see one error shape.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as APIError {
      throw error
    } catch let error as any HTTPResponseError {
      throw APIError(error.status, code: Self.code(error.status), error.status.reasonPhrase.lowercased())
    } catch is CancellationError {
      throw APIError(.serviceUnavailable, code: "http.timeout", "the request took longer than the time limit")
    } catch {
      context.logger.error("request failed", metadata: ["error": "\(error)"])
      throw APIError(.internalServerError, code: "http.internal", "the server could not answer this request")
    }
  }

  static func code(_ status: HTTPResponse.Status) -> String {
    switch status {
    case .notFound: "http.not-found"
    case .methodNotAllowed: "http.method-not-allowed"
    case .contentTooLarge: "http.body-too-large"
    case .badRequest: "http.bad-request"
    default: "http.\(status.code)"
    }
  }
}
