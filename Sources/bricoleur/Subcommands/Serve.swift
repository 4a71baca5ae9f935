import ArgumentParser
import BricoleurServer
import Foundation
import Logging

extension Bricoleur {
  /// `bricoleur serve`: the advisor's web page and the HTTP API.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve the advisor's web page and the HTTP API (JSON) for the rulebooks.",
      discussion: """
        The rulebooks are reloaded when their files change and on SIGHUP; rulebooks with errors are \
        refused and the last good ones keep serving. Open http://HOST:PORT/ for the page; the API is \
        described at /api/v1/openapi.yaml.
        """
    )

    @Option(help: "A folder of rulebooks (like Rules/). Default: the shipped Rules/.")
    var rules: String?

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .customLong("max-body"), help: "The largest request body in bytes (413 beyond).")
    var maxBody = 1 << 20

    @Option(help: "The time limit per request, in seconds.")
    var timeout = 10.0

    @Option(
      name: .customLong("idle-timeout"),
      help: "Seconds a connection may stay silent (between requests, or within a request's head or body) before it is closed (0: never).")
    var idleTimeout = 30.0

    @Option(name: .customLong("reload-interval"), help: "Seconds between checks of the rule files for changes (0: never).")
    var reloadInterval = 3.0

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (debug logs every request).")
    var logLevel = "info"

    func validate() throws {
      if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535, not \(port)") }
      if Logger.Level(rawValue: logLevel) == nil { throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical") }
      if maxBody < 1 { throw ValidationError("--max-body must be positive") }
      if timeout <= 0 { throw ValidationError("--timeout must be positive") }
      if idleTimeout < 0 { throw ValidationError("--idle-timeout must not be negative") }
    }

    func run() async throws {
      LoggingSystem.bootstrap(StreamLogHandler.standardError)
      let configuration = ServerConfiguration(
        host: host, port: port, rulesPath: RulesLocation.resolve(rules), maxBodyBytes: maxBody,
        maxBatchBytes: max(maxBody, 16 << 20), requestTimeout: .milliseconds(Int(timeout * 1000)),
        idleTimeout: idleTimeout > 0 ? .milliseconds(Int(idleTimeout * 1000)) : nil,
        reloadInterval: reloadInterval > 0 ? .milliseconds(Int(reloadInterval * 1000)) : nil,
        logLevel: Logger.Level(rawValue: logLevel) ?? .info)
      do {
        let app = try await buildApplication(configuration)
        try await app.runService()
      } catch let refused as RulesStore.RefusedLoad {
        printError("error: \(refused)\n")
        throw ExitCode.failure
      }
    }
  }
}
