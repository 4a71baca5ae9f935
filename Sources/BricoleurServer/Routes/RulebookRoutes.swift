import Engine
import Hummingbird

/// `GET /api/v1/rulebooks`, `GET /api/v1/rulebooks/{id}` and `GET /api/v1/municipalities`.
enum RulebookRoutes {
  static func add(to router: Router<some RequestContext>, _ context: RouteContext, table: inout RouteTable) {
    router.route(.get, "/api/v1/rulebooks", in: &table) { _, _ in
      let rulebooks = context.store.engine.library.rulebooks.values.sorted { $0.id < $1.id }
      return try WireJSON.response(rulebooks.map(RulebookSummaryV1.init))
    }
    router.route(.get, "/api/v1/municipalities", in: &table) { _, _ in
      try WireJSON.response(context.store.engine.library.coverage.map(MunicipalityV1.init))
    }
    router.route(.get, "/api/v1/rulebooks/{id}", in: &table) { request, requestContext in
      let rulebook = try RequestSupport.rulebook(requestContext, in: context.store.engine)
      return try WireJSON.response(RulebookV1(rulebook, on: try RequestSupport.asOf(request)))
    }
  }
}
