import Hummingbird

/// `GET /healthz` and `GET /metrics`.
enum HealthRoutes {
  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) {
    router.route(.get, "/healthz", in: &table) { _, _ in
      // Written when the rulebooks were loaded: the answer does no work (the load test's floor).
      WireJSON.bytes(context.store.health, contentType: "application/json; charset=utf-8")
    }
    router.route(.get, "/metrics", in: &table) { _, _ in
      WireJSON.text(context.metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
    }
  }
}

/// The answer of `GET /healthz`.
public struct HealthV1: Codable, Sendable, Hashable {
  public var status: String
  public var rulebooks: Int
  /// How many times rulebooks were loaded (1 at start).
  public var generation: Int
  public var loadedAt: String

  enum CodingKeys: String, CodingKey {
    case status, rulebooks, generation
    case loadedAt = "loaded_at"
  }
}
