import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TestSupport
@testable import BricoleurServer

/// The shipped rulebooks and examples, and an application serving them.
enum Fixture {
  static let root = repositoryRoot()
  static let rules = root.appendingPathComponent("Rules").path

  static func configuration(rules: String = Fixture.rules) -> ServerConfiguration {
    ServerConfiguration(host: "127.0.0.1", port: 0, rulesPath: rules, maxBodyBytes: 64 << 10, reloadInterval: nil, reloadOnSIGHUP: false, logLevel: .error)
  }

  /// One store for all tests: loading the rulebooks once keeps the tests fast.
  static let store: RulesStore = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return try! RulesStore(rulesPath: rules, logger: logger)
  }()

  static func app(_ configuration: ServerConfiguration = Fixture.configuration()) throws -> some ApplicationProtocol {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return try buildApplication(configuration, store: store, logger: logger)
  }

  static func example(_ path: String) throws -> String {
    try String(contentsOf: root.appendingPathComponent("Examples").appendingPathComponent(path), encoding: .utf8)
  }

  static func json(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any] ?? [:]
  }
}
