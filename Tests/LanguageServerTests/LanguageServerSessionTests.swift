import Foundation
import LanguageServer
import Testing
import TestSupport

/// A language server driven in-process as an editor drives it, on a copy of Borne's rulebook
/// with what it extends.
@Suite struct LanguageServerSessionTests {
  /// The copied rules folder with `national`, `model-apv`, `borne` and the register.
  static func copiedRules() throws -> URL {
    let rules = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-\(UUID().uuidString)/Rules")
    try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
    for name in ["national", "model-apv", "borne", "register"] {
      try FileManager.default.copyItem(
        at: repositoryRoot().appendingPathComponent("Rules/\(name)"), to: rules.appendingPathComponent(name))
    }
    return rules
  }

  /// The 0-based line and UTF-16 character of the first `needle` in `text` (after `after`).
  static func position(of needle: String, in text: String, after: String = "") throws -> (line: Int, character: Int) {
    let start = after.isEmpty ? text.startIndex : try #require(text.range(of: after)).upperBound
    let found = try #require(text.range(of: needle, range: start..<text.endIndex))
    let before = text[..<found.lowerBound]
    let line = before.filter { $0 == "\n" }.count
    let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
    return (line, text[lineStart..<found.lowerBound].utf16.count)
  }

  @Test func anEditorOpensFixesCompletesHoversAndJumps() throws {
    let rules = try Self.copiedRules()
    let borne = rules.appendingPathComponent("borne/rulebook.yaml")
    let uri = borne.absoluteString
    let original = try String(contentsOf: borne, encoding: .utf8)
    let broken = original.replacingOccurrences(of: "visitors <= max_bezoekers_klein\n", with: "visitors <= max_bezoekers_kleinn\n")
    #expect(broken != original)
    let session = Session()

    let hello = try session.result(session.request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": [:]]))
    let capabilities = try #require(hello["capabilities"] as? [String: Any])
    #expect(capabilities["hoverProvider"] as? Bool == true)
    #expect(capabilities["definitionProvider"] as? Bool == true)
    session.notify("initialized", [:])

    // Opening the document with a typo: the unknown name at its place, with the advice.
    let opened = session.notify(
      "textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": 1, "text": broken]])
    let problems = try #require(opened[uri], "diagnostics for the opened document: \(opened.keys)")
    let typo = try #require(problems.first { $0["code"] as? String == "expr.unknown-fact" }, "\(problems)")
    let place = try Self.position(of: "max_bezoekers_kleinn", in: broken)
    let range = try #require(typo["range"] as? [String: Any])
    let start = try #require(range["start"] as? [String: Any])
    #expect(start["line"] as? Int == place.line)
    #expect(start["character"] as? Int == place.character)
    #expect(typo["severity"] as? Int == 1)
    #expect((typo["message"] as? String)?.contains("max_bezoekers_kleinn") == true)
    #expect((typo["message"] as? String)?.contains("help: ") == true, "the help travels in the message")
    #expect(problems.filter { $0["severity"] as? Int == 1 }.count == 1, "no follow-on errors: \(problems)")

    // The same document, fixed: the error is gone and what remains is what `lint` says of the shipped file.
    let fixed = session.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": 2], "contentChanges": [["text": original]]])
    let after = try #require(fixed[uri])
    #expect(!after.contains { $0["severity"] as? Int == 1 }, "\(after)")
    #expect(!after.contains { $0["code"] as? String == "expr.unknown-fact" })

    // Completion in a `when:` of the model APV: facts of the national vocabulary and the model's parameters.
    let events = rules.appendingPathComponent("model-apv/evenementen.yaml")
    let eventsText = try String(contentsOf: events, encoding: .utf8)
    let when = try Self.position(of: "klein_evenement", in: eventsText, after: "when: ")
    let offered = try session.completions(events.absoluteString, when)
    #expect(offered["visitors"]?["kind"] as? Int == 6)
    #expect((offered["visitors"]?["detail"] as? String)?.contains("int") == true)
    #expect(offered["max_bezoekers_klein"]?["detail"] as? String == "parameter = 150")
    #expect(offered["klein_evenement"]?["kind"] as? Int == 3)
    #expect(offered["apv"] == nil, "a regulation is no name of an expression")

    // In Borne, its own value; after `road_closure !=`, the values of the fact's enumeration.
    #expect(try session.completions(uri, Self.position(of: "visitors", in: original, after: "expr: |"))["max_bezoekers_klein"]?["detail"] as? String == "parameter = 200")
    let closure = try Self.position(of: "doorgaande_weg", in: original, after: "road_closure != ")
    #expect(Set(try session.completions(uri, closure).keys) == ["geen", "woonstraat", "doorgaande_weg"])

    // Inside `activity in [...]` of the national vocabulary, the activities.
    let vocabulary = rules.appendingPathComponent("national/vocabulary.yaml")
    let list = try Self.position(of: "buurtbarbecue", in: try String(contentsOf: vocabulary, encoding: .utf8), after: "activity in [")
    let activities = try session.completions(vocabulary.absoluteString, list)
    #expect(activities["markt"]?["detail"] as? String == "markt of braderie / market or fair")
    #expect(activities["visitors"] == nil)

    // Outside an expression nothing is offered.
    #expect(try session.completions(uri, Self.position(of: "Gemeente Borne", in: original)).isEmpty)

    // Hover on a parameter: its value in each layer, with the citation.
    let limit = try Self.position(of: "max_bezoekers_klein", in: original, after: "visitors <= ")
    let hover = try session.result(session.request("textDocument/hover", Session.at(uri, limit)))
    let markdown = try #require((hover["contents"] as? [String: Any])?["value"] as? String)
    #expect(markdown.contains("| model-apv | 150 | apv art. 2:25 lid 2"), "\(markdown)")
    #expect(markdown.contains("| borne | 200 | apv art. 2:25 lid 2 (Algemene plaatselijke verordening Borne 2015)"), "\(markdown)")

    // Hover on a fact: its question and type.
    let visitors = try Self.position(of: "visitors", in: original, after: "expr: |")
    let fact = try session.result(session.request("textDocument/hover", Session.at(uri, visitors)))
    let factText = try #require((fact["contents"] as? [String: Any])?["value"] as? String)
    #expect(factText.contains("type: `int`") && factText.contains("How many people will be there at the busiest moment?"), "\(factText)")

    // Go to definition: the model APV's declaration and Borne's override.
    let definition = try session.request("textDocument/definition", Session.at(uri, limit))
    let locations = try #require(definition["result"] as? [[String: Any]], "\(definition)")
    let model = try String(contentsOf: rules.appendingPathComponent("model-apv/rulebook.yaml"), encoding: .utf8)
    let expected = [
      ("model-apv/rulebook.yaml", try Self.position(of: "max_bezoekers_klein:", in: model).line),
      ("borne/rulebook.yaml", try Self.position(of: "max_bezoekers_klein:", in: original).line),
    ]
    #expect(locations.count == expected.count)
    for (location, (file, line)) in zip(locations, expected) {
      #expect((location["uri"] as? String)?.hasSuffix("/Rules/" + file) == true, "\(location)")
      let start = ((location["range"] as? [String: Any])?["start"] as? [String: Any])
      #expect(start?["line"] as? Int == line)
      #expect(start?["character"] as? Int == 2)
    }

    #expect(try session.request("shutdown", [:])["result"] is NSNull)
    session.notify("exit", [:])
    #expect(session.server.exitStatus == 0)
  }

  @Test func unknownAndMalformedMessagesGetErrorsNotCrashes() throws {
    let server = LanguageServer()
    func answer(_ text: String) throws -> [String: Any] {
      let replies = server.handle(Data(text.utf8))
      #expect(replies.count == 1)
      let reply = try #require(replies.first)
      return try #require(try JSONSerialization.jsonObject(with: reply) as? [String: Any])
    }
    func code(_ reply: [String: Any]) -> Int? { (reply["error"] as? [String: Any])?["code"] as? Int }

    #expect(code(try answer(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}"#)) == -32002, "not initialized yet")
    #expect(try answer(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}"#)["result"] != nil)
    #expect(code(try answer(#"{"jsonrpc":"2.0","id":3,"method":"workspace/symbol","params":{}}"#)) == -32601)
    #expect(server.handle(Data(#"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":3}}"#.utf8)).isEmpty)
    #expect(server.handle(Data(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"nonsense":true}}"#.utf8)).isEmpty)
    let garbage = try answer("{\"jsonrpc\": \"2.0\", \"id\": 4, \"method\": ")
    #expect(code(garbage) == -32700)
    #expect(garbage["id"] is NSNull)
    #expect(code(try answer("[1, 2, 3]")) == -32600)
    #expect(code(try answer(#"{"jsonrpc":"2.0","id":"five","method":"textDocument/hover","params":{"textDocument":3}}"#)) == -32602)
    let reply = try answer(#"{"jsonrpc":"2.0","id":"six","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///nowhere/x.yaml"},"position":{"line":0,"character":0}}}"#)
    #expect(reply["id"] as? String == "six")
    #expect(reply["result"] is NSNull)
    #expect(server.exitStatus == nil)
    _ = server.handle(Data(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8))
    #expect(server.exitStatus == 1, "exit without shutdown")
  }

  @Test func framesComeOutWholeFromAnyChunks() throws {
    let first = Data(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)
    let second = Data(#"{"jsonrpc":"2.0","method":"initialized","params":{"é":"ü"}}"#.utf8)
    let stream = MessageFramer.frame(first) + MessageFramer.frame(second) + Data("Content-Type: x\r\n\r\n".utf8) + MessageFramer.frame(first)
    for chunkSize in [1, 7, 64, stream.count] {
      var framer = MessageFramer()
      var frames: [MessageFramer.Frame] = []
      var offset = 0
      while offset < stream.count {
        framer.append(stream.subdata(in: offset..<min(offset + chunkSize, stream.count)))
        offset += chunkSize
        while let frame = framer.next() { frames.append(frame) }
      }
      #expect(frames.count == 4, "chunks of \(chunkSize)")
      #expect(frames.first == .message(first))
      #expect(frames.dropFirst().first == .message(second))
      if case .malformedHeader = frames.dropFirst(2).first {} else { Issue.record("a header without Content-Length is reported: \(frames)") }
      #expect(frames.last == .message(first))
    }
  }
}
