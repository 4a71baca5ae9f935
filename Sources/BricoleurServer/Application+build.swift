import Hummingbird
import Logging

/// Builds the server: the API, the page, metrics, and the watcher that reloads the rulebooks.
///
/// - Throws: when the rulebooks cannot be read or have errors (`RulesStore.RefusedLoad`), or
///   a page resource is missing.
public func buildApplication(_ configuration: ServerConfiguration) async throws -> some ApplicationProtocol {
  let logger = serverLogger(configuration)
  let store = try RulesStore(rulesPath: configuration.rulesPath, logger: logger)
  return try buildApplication(configuration, store: store, logger: logger)
}

/// The logger of the server, at the configured level.
func serverLogger(_ configuration: ServerConfiguration) -> Logger {
  var logger = Logger(label: "bricoleur.server")
  logger.logLevel = configuration.logLevel
  return logger
}

/// Builds the server around rulebooks already loaded.
func buildApplication(
  _ configuration: ServerConfiguration, store: RulesStore, logger: Logger
) throws -> Application<RouterResponder<BasicRequestContext>> {
  let (router, _) = try buildRouter(configuration, store: store)
  let watcher = RulesWatcher(
    store: store, interval: configuration.reloadInterval, onSIGHUP: configuration.reloadOnSIGHUP, logger: logger)
  return Application(
    router: router,
    server: .http1OnEventLoops(configuration: .init(idleTimeout: configuration.idleTimeout.map { .init($0) })),
    // A backlog of 4096 (the kernel caps it at somaxconn) instead of 256: with thousands of
    // clients connecting at once, a full accept queue drops their SYNs, and each retries only
    // after 1, 2, 4… seconds; 207 of 2000 connections went unanswered within a minute.
    configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "bricoleur", backlog: 4096),
    services: [watcher],
    onServerRunning: { channel in
      logger.info(
        "serving the rulebooks", metadata: ["address": "\(channel.localAddress?.description ?? "?")", "rules": "\(store.rulesPath)"])
    },
    logger: logger)
}

/// The router with every route, and the table of what was registered.
func buildRouter(_ configuration: ServerConfiguration, store: RulesStore) throws -> (Router<BasicRequestContext>, RouteTable) {
  let router = Router()
  let metrics = RequestMetrics()
  router.add(middleware: MetricsMiddleware(metrics: metrics))
  router.add(middleware: LogRequestsMiddleware(.debug))
  router.add(middleware: ErrorMiddleware())
  let allowed = AllowedMethods()
  router.add(middleware: MethodsMiddleware(allowed: allowed))
  let context = RouteContext(store: store, configuration: configuration, metrics: metrics)
  var table = RouteTable()
  try PageRoutes.add(to: router, context, table: &table)
  HealthRoutes.add(to: router, context, table: &table)
  EvaluateRoute.add(to: router, context, table: &table)
  BatchRoute.add(to: router, context, table: &table)
  RulebookRoutes.add(to: router, context, table: &table)
  QuestionsRoute.add(to: router, context, table: &table)
  allowed.fill(from: table)
  return (router, table)
}
