import Foundation
import Testing
import TestSupport

/// `bricoleur lsp` run as an editor runs it: a process spoken to over pipes, each message
/// framed with a `Content-Length` header.
@Suite struct LanguageServerCLITests {
  /// A running `bricoleur lsp`.
  final class Connection {
    let process: Process
    let input = Pipe()
    let output = Pipe()
    var buffer = Data()

    init() throws {
      process = try startBricoleur(["lsp"], input: input, output: output)
    }

    deinit {
      try? input.fileHandleForWriting.close()
      if process.isRunning { process.terminate() }
    }

    func send(_ message: [String: Any]) throws {
      let body = try JSONSerialization.data(withJSONObject: message)
      try input.fileHandleForWriting.write(contentsOf: Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    /// The messages received until one satisfies `last` (that one included); at most 120 s.
    func receive(until last: ([String: Any]) -> Bool) throws -> [[String: Any]] {
      var messages: [[String: Any]] = []
      let deadline = Date().addingTimeInterval(120)
      while Date() < deadline {
        while let message = try nextMessage() {
          messages.append(message)
          if last(message) { return messages }
        }
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        buffer += chunk
      }
      Issue.record("the awaited message did not come; received \(messages)")
      return messages
    }

    func nextMessage() throws -> [String: Any]? {
      guard let end = buffer.range(of: Data("\r\n\r\n".utf8)) else { return nil }
      let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
      let length = try #require(Int(header.replacingOccurrences(of: "Content-Length: ", with: "")), "header '\(header)'")
      guard buffer.endIndex - end.upperBound >= length else { return nil }
      let body = buffer[end.upperBound..<end.upperBound + length]
      buffer = Data(buffer[(end.upperBound + length)...])
      return try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
    }
  }

  @Test func theBinaryLintsAnOpenDocumentAsLintDoesAndShutsDown() throws {
    let rules = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-cli-\(UUID().uuidString)/Rules")
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    for name in ["national", "model-apv", "borne", "register"] {
      try FileManager.default.copyItem(at: repositoryRoot().appendingPathComponent("Rules/\(name)"), to: rules.appendingPathComponent(name))
    }
    let document = rules.appendingPathComponent("borne/rulebook.yaml")
    let connection = try Connection()

    try connection.send(["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["processId": NSNull(), "capabilities": [:]]])
    let hello = try #require(try connection.receive { $0["id"] as? Int == 1 }.last)
    let result = try #require(hello["result"] as? [String: Any], "\(hello)")
    #expect((result["serverInfo"] as? [String: Any])?["name"] as? String == "bricoleur")
    try connection.send(["jsonrpc": "2.0", "method": "initialized", "params": [:]])

    // The shipped file, opened as it is: the same problems as `bricoleur lint` finds in its folder.
    let text = try String(contentsOf: document, encoding: .utf8)
    try connection.send([
      "jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": ["textDocument": ["uri": document.absoluteString, "languageId": "yaml", "version": 1, "text": text]],
    ])
    var messages = try connection.receive { ($0["params"] as? [String: Any])?["uri"] as? String == document.absoluteString }
    try connection.send(["jsonrpc": "2.0", "id": 2, "method": "shutdown"])
    messages += try connection.receive { $0["id"] as? Int == 2 }
    #expect(messages.last?["result"] is NSNull)
    var published: [String] = []
    for message in messages where message["method"] as? String == "textDocument/publishDiagnostics" {
      let params = try #require(message["params"] as? [String: Any])
      let uri = try #require(params["uri"] as? String)
      let path = try #require(URL(string: uri)?.path)
      for diagnostic in params["diagnostics"] as? [[String: Any]] ?? [] {
        let line = ((diagnostic["range"] as? [String: Any])?["start"] as? [String: Any])?["line"] as? Int ?? -1
        published.append("\(path):\(line + 1): \(diagnostic["code"] ?? "")")
      }
    }
    let lint = try bricoleur(["lint", rules.appendingPathComponent("borne").path, "--format", "json"])
    let reported = try #require(try JSONSerialization.jsonObject(with: Data(lint.out.utf8)) as? [[String: Any]], "\(lint.out)")
    let expected = reported.map { diagnostic in
      let line = (diagnostic["start"] as? [String: Any])?["line"] as? Int ?? 1
      return "\(diagnostic["path"] ?? ""):\(line): \(diagnostic["code"] ?? "")"
    }
    #expect(published.sorted() == expected.sorted())

    try connection.send(["jsonrpc": "2.0", "method": "exit"])
    connection.process.waitUntilExit()
    #expect(connection.process.terminationStatus == 0)
  }
}
