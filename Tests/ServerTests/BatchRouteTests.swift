import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BricoleurServer

@Suite struct BatchRouteTests {
  @Test func everyLineYieldsOneLine() async throws {
    let good = #"{"id": "a", "municipality": "borne", "date": "2026-08-29", "facts": {"visitors": 60}}"#
    let body = [good, #"{"id": "b", "facts": "#, "", #"{"id": "c", "municipality": "borne", "facts": {"visitorz": 1}}"#, good]
      .joined(separator: "\n")
    try await Fixture.app().test(.router) { client in
      try await client.execute(uri: "/api/v1/batch", method: .post, body: ByteBuffer(string: body)) { response in
        #expect(response.status == .ok)
        let lines = String(buffer: response.body).split(separator: "\n")
        #expect(lines.count == 4)
        let objects = try lines.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
        #expect(objects[0]["initiative"] as? String == "a")
        #expect(objects[0]["trace"] == nil)
        #expect(objects[1]["line"] as? Int == 2)
        #expect(((objects[1]["error"] as? [String: Any])?["code"] as? String)?.hasPrefix("yaml.") == true)
        #expect(objects[2]["line"] as? Int == 4)
        #expect((objects[2]["error"] as? [String: Any])?["code"] as? String == "initiative.unknown-fact")
        #expect(objects[3]["initiative"] as? String == "a")
      }
    }
  }

  @Test func linesAfterTheDeadlineReportATimeout() throws {
    let line = #"{"id": "a", "municipality": "borne", "facts": {}}"#
    let output = BatchRoute.run(
      Array((line + "\n" + line).utf8), engine: Fixture.store.engine, options: .init(traces: false), language: nil,
      deadline: .now - .seconds(1))
    #expect(output.split(separator: "\n").count == 2)
    #expect(output.contains("http.timeout"))
  }
}
