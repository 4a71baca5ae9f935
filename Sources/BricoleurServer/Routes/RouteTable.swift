import Hummingbird

/// The routes as registered, so a test can check each one against the OpenAPI document.
public struct RouteTable: Sendable {
  /// `(method, path)` with path parameters in braces (`/api/v1/rulebooks/{id}`).
  public private(set) var routes: [(method: String, path: String)] = []

  mutating func record(_ method: HTTPRequest.Method, _ path: String) {
    routes.append((method.rawValue, path))
  }
}

/// What every route needs: the rulebooks, the limits, and the table to record itself in.
struct RouteContext: Sendable {
  let store: RulesStore
  let configuration: ServerConfiguration
  let metrics: RequestMetrics
}

extension Router {
  /// Registers a route and records it.
  @discardableResult
  func route(
    _ method: HTTPRequest.Method, _ path: String, in table: inout RouteTable,
    use handler: @escaping @Sendable (Request, Context) async throws -> Response
  ) -> Self {
    table.record(method, path)
    return on(RouterPath(path), method: method, use: handler)
  }
}
