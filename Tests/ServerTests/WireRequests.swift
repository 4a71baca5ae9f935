import Foundation
import YAMLTree

/// Raw HTTP/1.1 requests for the tests on the live server, and what their answers must say.
enum Wire {
  /// How long a well-formed request may wait for its answer while other clients misbehave.
  static let promptly: Duration = .seconds(2)

  static let healthz = request("GET", "/healthz")

  /// The example initiative the well-formed requests evaluate; `?today=` fixes the room
  /// analysis, so every answer is the same bytes.
  static let example = "borne/buurtbarbecue-esch.yaml"
  static let evaluateTarget = "/api/v1/evaluate?room=false"

  static func evaluate() throws -> String {
    request("POST", evaluateTarget, body: try Fixture.example(example))
  }

  /// A request with its Content-Length; the server closes the connection after answering
  /// unless `keepAlive`.
  static func request(_ method: String, _ target: String, body: String = "", keepAlive: Bool = false) -> String {
    let connection = keepAlive ? "keep-alive" : "close"
    return "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: \(connection)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
  }

  /// The request's head (through the blank line) and its body.
  static func split(_ request: String) -> (head: String, body: String) {
    let parts = request.components(separatedBy: "\r\n\r\n")
    return (parts[0] + "\r\n\r\n", parts.dropFirst().joined(separator: "\r\n\r\n"))
  }

  /// The verdict's level the engine gives the example in process: what every answer must say.
  static func expectedLevel() throws -> String? {
    let (file, _) = YAMLSource.make(path: "request", bytes: Array(try Fixture.example(example).utf8))
    return Fixture.store.engine.check(file: file).first?.evaluation?.verdict.level.rawValue
  }

  /// The `verdict.level` of a JSON answer.
  static func level(of response: RawResponse?) -> String? {
    guard let response, let json = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any] else { return nil }
    return (json["verdict"] as? [String: Any])?["level"] as? String
  }

  /// Sends `request` on a fresh connection; its answer (nil: none within `limit`) and how long it took.
  static func ask(_ request: String, port: Int, within limit: Duration = promptly) async throws -> (RawResponse?, Duration) {
    try await onThread {
      let start = ContinuousClock.now
      let connection = try LoopbackConnection(port: port)
      try connection.send(request)
      return (connection.response(within: limit), ContinuousClock.now - start)
    }
  }
}
