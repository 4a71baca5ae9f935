import Logging

/// How `bricoleur serve` runs: where it listens, which rulebooks it serves, and its limits.
public struct ServerConfiguration: Sendable {
  /// The address to bind to; loopback by default, so nothing is exposed by accident.
  public var host: String
  /// The port; 0 picks a free one.
  public var port: Int
  /// A folder of rulebooks (like `Rules/`).
  public var rulesPath: String
  /// The largest request body accepted (413 beyond).
  public var maxBodyBytes: Int
  /// The largest batch body accepted (413 beyond).
  public var maxBatchBytes: Int
  /// How long one request may take (503 beyond).
  public var requestTimeout: Duration
  /// How long a connection may stay silent before the server closes it: between requests,
  /// in the middle of a request's head (a slow or stalled client), or of its body. nil: never.
  public var idleTimeout: Duration?
  /// How often the rule files' modification times are compared; nil: no polling.
  public var reloadInterval: Duration?
  /// Reload the rulebooks on SIGHUP.
  public var reloadOnSIGHUP: Bool
  public var logLevel: Logger.Level

  public init(
    host: String = "127.0.0.1", port: Int = 8080, rulesPath: String, maxBodyBytes: Int = 1 << 20,
    maxBatchBytes: Int = 16 << 20, requestTimeout: Duration = .seconds(10), idleTimeout: Duration? = .seconds(30),
    reloadInterval: Duration? = .seconds(3),
    reloadOnSIGHUP: Bool = true, logLevel: Logger.Level = .info
  ) {
    self.host = host
    self.port = port
    self.rulesPath = rulesPath
    self.maxBodyBytes = maxBodyBytes
    self.maxBatchBytes = maxBatchBytes
    self.requestTimeout = requestTimeout
    self.idleTimeout = idleTimeout
    self.reloadInterval = reloadInterval
    self.reloadOnSIGHUP = reloadOnSIGHUP
    self.logLevel = logLevel
  }
}
