import Hummingbird
import Synchronization

/// The methods each path answers, from the router's own table: filled once the routes are
/// registered, read by `MethodsMiddleware`.
final class AllowedMethods: Sendable {
  private let templates = Mutex<[(segments: [Substring], methods: [String])]>([])

  func fill(from table: RouteTable) {
    var byPath: [String: [String]] = [:]
    var order: [String] = []
    for route in table.routes {
      if byPath[route.path] == nil { order.append(route.path) }
      byPath[route.path, default: []].append(route.method)
    }
    templates.withLock { $0 = order.map { ($0.split(separator: "/"), byPath[$0]!.sorted()) } }
  }

  /// The methods of the route whose template matches `path` (`{id}` matches any segment).
  func methods(for path: String) -> [String]? {
    let segments = path.split(separator: "/")
    return templates.withLock { templates in
      templates.first { template in
        template.segments.count == segments.count
          && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
      }?.methods
    }
  }
}

/// A method a known path does not answer gets 405 Method Not Allowed with `Allow`, not 404.
struct MethodsMiddleware<Context: RequestContext>: RouterMiddleware {
  let allowed: AllowedMethods

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let error as any HTTPResponseError where error.status == .notFound {
      guard let methods = allowed.methods(for: request.uri.path), !methods.contains(request.method.rawValue) else { throw error }
      var refusal = APIError(.methodNotAllowed, code: "http.method-not-allowed", "\(request.method.rawValue) is not allowed here; use \(methods.joined(separator: " or "))")
      refusal.allow = methods
      throw refusal
    }
  }
}
