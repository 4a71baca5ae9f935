import Foundation
import Testing
import TestSupport

/// `bricoleur mcp` driven as an assistant drives it: over standard input and output, one
/// JSON-RPC message per line.
@Suite struct AssistantSessionTests {
  /// A running `bricoleur mcp`, answering requests one at a time.
  final class Session {
    let process: Process
    let input = Pipe()
    let output = Pipe()
    var buffer = Data()
    var nextID = 1

    init() throws {
      process = try startBricoleur(["mcp", "--today", "2026-06-01"], input: input, output: output)
    }

    deinit {
      try? input.fileHandleForWriting.close()
      process.terminate()
    }

    func notify(_ method: String) throws {
      try send(["jsonrpc": "2.0", "method": method])
    }

    /// Sends a request and waits (at most 60 s) for the response with its id.
    func request(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
      let id = nextID
      nextID += 1
      try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
      let deadline = Date().addingTimeInterval(60)
      while Date() < deadline {
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
          let line = buffer[buffer.startIndex..<newline]
          buffer.removeSubrange(buffer.startIndex...newline)
          if let message = try JSONSerialization.jsonObject(with: line) as? [String: Any], message["id"] as? Int == id { return message }
        }
        let chunk = output.fileHandleForReading.availableData
        if chunk.isEmpty { break }
        buffer += chunk
      }
      return [:]
    }

    private func send(_ message: [String: Any]) throws {
      var data = try JSONSerialization.data(withJSONObject: message)
      data.append(UInt8(ascii: "\n"))
      try input.fileHandleForWriting.write(contentsOf: data)
    }
  }

  func result(_ response: [String: Any]) throws -> [String: Any] {
    try #require(response["result"] as? [String: Any], "\(response)")
  }

  @Test func anAssistantChecksAnInitiative() throws {
    let session = try Session()
    let hello = try result(
      session.request("initialize", ["protocolVersion": "2025-06-18", "capabilities": [:], "clientInfo": ["name": "test", "version": "1"]]))
    #expect((hello["serverInfo"] as? [String: Any])?["name"] as? String == "bricoleur")
    try session.notify("notifications/initialized")

    let tools = try #require(try result(session.request("tools/list"))["tools"] as? [[String: Any]])
    #expect(Set(tools.compactMap { $0["name"] as? String }) == ["list_rulebooks", "rulebook_questions", "check_initiative", "next_question"])

    let listed = try result(session.request("tools/call", ["name": "list_rulebooks", "arguments": [:]]))
    let rulebooks = try #require((listed["structuredContent"] as? [String: Any])?["rulebooks"] as? [[String: Any]])
    #expect(rulebooks.contains { $0["id"] as? String == "borne" })

    let vocabulary = try result(session.request("tools/call", ["name": "rulebook_questions", "arguments": ["municipality": "Borne"]]))
    let facts = try #require((vocabulary["structuredContent"] as? [String: Any])?["facts"] as? [[String: Any]])
    #expect(facts.contains { $0["name"] as? String == "visitors" && ($0["question"] as? String)?.isEmpty == false })

    // The street party for 240 people in Borne: a permit, and keeping it to 200 makes a
    // notification enough, with the article it rests on.
    let initiative: [String: Any] = [
      "id": "straatfeest", "municipality": "Borne", "date": "2026-08-29",
      "facts": try Self.facts(of: "Examples/borne/straatfeest-240.yaml"),
    ]
    let checked = try result(session.request("tools/call", ["name": "check_initiative", "arguments": ["initiative": initiative]]))
    #expect(checked["isError"] as? Bool == false)
    let answer = try #require(checked["structuredContent"] as? [String: Any])
    #expect((answer["verdict"] as? [String: Any])?["level"] as? String == "permit_required")
    let room = try #require(answer["room"] as? [[String: Any]])
    let adjustment = try #require(room.first { $0["kind"] as? String == "adjustment" })
    #expect((adjustment["explanation"] as? String)?.contains("200") == true)
    let text = try #require((checked["content"] as? [[String: Any]])?.first?["text"] as? String)
    #expect(text.contains("art. 2:25"))

    let next = try result(
      session.request("tools/call", ["name": "next_question", "arguments": ["initiative": ["municipality": "Borne", "date": "2026-08-29", "facts": ["activity": "straatfeest"]]]]))
    let questions = try #require((next["structuredContent"] as? [String: Any])?["questions"] as? [[String: Any]])
    #expect(!questions.isEmpty)
    #expect(!questions.contains { $0["fact"] as? String == "serious_nuisance" })

    let refused = try result(session.request("tools/call", ["name": "check_initiative", "arguments": ["initiative": ["municipality": "Atlantis", "facts": [:]]]]))
    #expect(refused["isError"] as? Bool == true)
  }

  /// The facts of an example file, as the JSON object an assistant would send.
  static func facts(of path: String) throws -> [String: Any] {
    let text = try String(contentsOf: repositoryRoot().appendingPathComponent(path), encoding: .utf8)
    var facts: [String: Any] = [:]
    var inFacts = false
    for line in text.split(separator: "\n") {
      if line.hasPrefix("facts:") { inFacts = true; continue }
      guard inFacts, line.hasPrefix("  "), let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      facts[name] = value
    }
    return facts
  }
}
