import Foundation
import LanguageServer
import Testing

/// An editor's side of a session with an in-process `LanguageServer`.
final class Session {
  let server = LanguageServer()
  var nextID = 1

  /// Sends a request and returns its response.
  func request(_ method: String, _ params: [String: Any]) throws -> [String: Any] {
    let id = nextID
    nextID += 1
    let replies = server.handle(try JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "id": id, "method": method, "params": params]))
    let messages = try replies.map { try #require(try JSONSerialization.jsonObject(with: $0) as? [String: Any]) }
    return try #require(messages.first { $0["id"] as? Int == id }, "no response to \(method): \(messages)")
  }

  /// Sends a notification; returns the diagnostics published after it, by URI.
  @discardableResult
  func notify(_ method: String, _ params: [String: Any]) -> [String: [[String: Any]]] {
    let message = try? JSONSerialization.data(withJSONObject: ["jsonrpc": "2.0", "method": method, "params": params])
    let replies = server.handle(message ?? Data()) + server.publishPendingDiagnostics()
    var published: [String: [[String: Any]]] = [:]
    for reply in replies {
      guard let object = try? JSONSerialization.jsonObject(with: reply) as? [String: Any],
        object["method"] as? String == "textDocument/publishDiagnostics",
        let params = object["params"] as? [String: Any], let uri = params["uri"] as? String
      else { continue }
      published[uri] = params["diagnostics"] as? [[String: Any]] ?? []
    }
    return published
  }

  func result(_ response: [String: Any]) throws -> [String: Any] {
    try #require(response["result"] as? [String: Any], "\(response)")
  }

  /// The completion items at a position, by label.
  func completions(_ uri: String, _ position: (line: Int, character: Int)) throws -> [String: [String: Any]] {
    let list = try result(request("textDocument/completion", Self.at(uri, position)))
    let items = try #require(list["items"] as? [[String: Any]])
    return Dictionary(items.map { ($0["label"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
  }

  static func at(_ uri: String, _ position: (line: Int, character: Int)) -> [String: Any] {
    ["textDocument": ["uri": uri], "position": ["line": position.line, "character": position.character]]
  }
}
