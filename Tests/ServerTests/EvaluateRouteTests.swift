import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Reports
import Room
import RuleLanguage
import Testing
import TestSupport
import YAMLTree
@testable import BricoleurServer

@Suite struct EvaluateRouteTests {
  /// Every example's answer validates against the published result schema.
  @Test func everyAnswerValidatesAgainstTheResultSchema() async throws {
    let schema = try JSONSchemaCheck(schemaText: JSONSchemas.result)
    let folder = Fixture.root.appendingPathComponent("Examples")
    var paths: [String] = []
    for municipality in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(municipality).path)) ?? []
      paths += names.filter { $0.hasSuffix(".yaml") }.sorted().map { "\(municipality)/\($0)" }
    }
    #expect(paths.count > 40)
    let examples = paths
    try await Fixture.app().test(.router) { client in
      for path in examples {
        let text = try Fixture.example(path)
        try await client.execute(uri: "/api/v1/evaluate?today=2026-06-01", method: .post, body: ByteBuffer(string: text)) { response in
          #expect(response.status == .ok, "\(path)")
          let problems = schema.problems(text: String(buffer: response.body))
          #expect(problems.isEmpty, "\(path): \(problems.prefix(5))")
        }
      }
    }
  }

  @Test func answersTheJSONOfCheck() async throws {
    let text = try Fixture.example("borne/buurtbarbecue-esch.yaml")
    let (file, _) = YAMLSource.make(path: "request", bytes: Array(text.utf8))
    let evaluation = try #require(Fixture.store.engine.check(file: file).first?.evaluation)
    let today = try #require(CalendarDay(year: 2026, month: 6, day: 1))
    let room = RoomAnalyzer().analyze(evaluation, today: today)
    let expected = EvaluationJSONRenderer(language: "nl").render(evaluation, room: room).serialized(pretty: true) + "\n"
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate?today=2026-06-01", method: .post, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
        #expect(String(buffer: response.body) == expected)
      }
    }
  }

  @Test func roomCanBeLeftOut() async throws {
    let text = try Fixture.example("borne/straatfeest-210.yaml")
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate", method: .post, body: ByteBuffer(string: text)) { response in
        let json = try Fixture.json(response)
        let room = try #require(json["room"] as? [[String: Any]])
        #expect(room.contains { $0["kind"] as? String == "adjustment" })
      }
      try await client.execute(uri: "/api/v1/evaluate?room=false", method: .post, body: ByteBuffer(string: text)) { response in
        let json = try Fixture.json(response)
        #expect(json["room"] == nil)
      }
    }
  }

  @Test func takesJSONAndEnglish() async throws {
    let body = #"{"id": "x", "municipality": "borne", "date": "2026-08-29", "facts": {"visitors": 60}}"#
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate?lang=en", method: .post, body: ByteBuffer(string: body)) { response in
        #expect(response.status == .ok)
        let json = try Fixture.json(response)
        let verdict = try #require(json["verdict"] as? [String: Any])
        #expect(verdict["determined"] as? Bool == false)
        #expect(json["rulebook"] as? String == "borne")
      }
    }
  }

  @Test func rendersMarkdown() async throws {
    let text = try Fixture.example("borne/buurtbarbecue-esch.yaml")
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate?format=markdown", method: .post, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect(response.headers[.contentType]?.hasPrefix("text/markdown") == true)
        #expect(String(buffer: response.body).hasPrefix("#"))
      }
    }
  }

  struct BadInput: CustomTestStringConvertible, Sendable {
    var name: String
    var body: String
    var status: HTTPResponse.Status
    var codePrefix: String
    var line: Int?
    var testDescription: String { name }
  }

  @Test(arguments: [
    BadInput(name: "YAML syntax", body: "id: x\nfacts: [unclosed\n", status: .unprocessableContent, codePrefix: "yaml.", line: 3),
    BadInput(
      name: "unknown fact", body: "id: x\nmunicipality: borne\nfacts:\n  visitorz: 3\n", status: .unprocessableContent,
      codePrefix: "initiative.unknown-fact", line: 4),
    BadInput(name: "unknown municipality", body: "id: x\nmunicipality: atlantis\n", status: .unprocessableContent, codePrefix: "rule.unknown-reference", line: 2),
    BadInput(name: "empty body", body: "", status: .unprocessableContent, codePrefix: "yaml.", line: 1),
  ])
  func refusesBadInputWithTheCLIsDiagnostics(_ input: BadInput) async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate", method: .post, body: ByteBuffer(string: input.body)) { response in
        #expect(response.status == input.status)
        let json = try Fixture.json(response)
        let code = try #require(json["code"] as? String)
        #expect(code.hasPrefix(input.codePrefix), "\(code)")
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == code)
        if let line = input.line {
          #expect((first["start"] as? [String: Any])?["line"] as? Int == line)
          #expect(first["path"] as? String == "request")
        }
      }
    }
  }

  @Test func refusesALargeBody() async throws {
    let body = "id: x\ndescription: \"" + String(repeating: "a", count: 70_000) + "\"\n"
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate", method: .post, body: ByteBuffer(string: body)) { response in
        #expect(response.status == .contentTooLarge)
        let json = try Fixture.json(response)
        #expect(json["code"] as? String == "http.body-too-large")
      }
    }
  }

  @Test(arguments: ["lang=fr", "room=null", "room=1", "format=pdf"])
  func refusesABadParameter(_ query: String) async throws {
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate?\(query)", method: .post, body: ByteBuffer(string: "id: x")) { response in
        #expect(response.status == .badRequest)
        let json = try Fixture.json(response)
        #expect(json["code"] as? String == "http.bad-parameter")
      }
    }
  }

  /// A JSON body from an encoder that escapes characters outside the BMP as surrogate pairs.
  @Test func readsSurrogateEscapesInAJSONBody() async throws {
    let body = #"{"id": "feest-\ud83c\udf89", "municipality": "borne", "date": "2026-06-20", "facts": {"visitors": 50}}"#
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/evaluate?room=false", method: .post, body: ByteBuffer(string: body)) { response in
        #expect(response.status == .ok)
        let json = try Fixture.json(response)
        #expect(json["initiative"] as? String == "feest-🎉")
      }
    }
  }
}
