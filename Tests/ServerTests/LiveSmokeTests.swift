import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BricoleurServer

@Suite struct LiveSmokeTests {
  /// The whole server on a real socket (port 0): health, the page, and one evaluation.
  @Test func servesOverHTTP() async throws {
    let app = try await buildApplication(Fixture.configuration())
    try await app.test(.live) { client in
      try await client.execute(uri: "/healthz", method: .get) { #expect($0.status == .ok) }
      try await client.execute(uri: "/", method: .get) { #expect(String(buffer: $0.body).contains("Bricoleur")) }
      let text = try Fixture.example("borne/buurtbarbecue-esch.yaml")
      try await client.execute(uri: "/api/v1/evaluate", method: .post, body: ByteBuffer(string: text)) { response in
        #expect(response.status == .ok)
        #expect(String(buffer: response.body).contains(#""level": "#))
      }
    }
  }
}
