import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BricoleurServer

extension AbuseTests {
  /// What is not HTTP, or not well-formed HTTP, on the live server: it is refused (400, or the
  /// connection closed) promptly, and the server goes on answering.
  @Suite struct GarbageTrafficTests {
    struct Garbage: CustomTestStringConvertible, Sendable {
      var name: String
      var bytes: [UInt8]
      /// The status the server answers with; nil: it may only close the connection.
      var status: Int? = 400
      var testDescription: String { name }

      init(name: String, _ text: String, status: Int? = 400) {
        self.init(name: name, bytes: Array(text.utf8), status: status)
      }

      init(name: String, bytes: [UInt8], status: Int? = 400) {
        self.name = name
        self.bytes = bytes
        self.status = status
      }
    }

    /// 4 KiB from a fixed seed, so a failure can be repeated.
    static let randomBytes: [UInt8] = {
      var state: UInt64 = 0x9E37_79B9_7F4A_7C15
      return (0..<4096).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 56)
      }
    }()

    static let post = "POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\n"

    @Test(arguments: [
      Garbage(name: "random bytes", bytes: randomBytes),
      Garbage(name: "not HTTP", "HELLO THERE\r\n\r\n"),
      Garbage(name: "HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
      Garbage(name: "unknown HTTP version", "GET /healthz HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n"),
      Garbage(name: "header without a colon", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon here\r\n\r\n"),
      Garbage(name: "NUL in a header", "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: a\u{0}b\r\n\r\n"),
      Garbage(name: "space in the path", "GET /health z HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
      Garbage(name: "header of 100 KiB", "GET /healthz HTTP/1.1\r\nX-Big: \(String(repeating: "a", count: 100 << 10))\r\n\r\n"),
      Garbage(name: "negative Content-Length", post + "Content-Length: -1\r\n\r\n"),
      Garbage(name: "two Content-Lengths", post + "Content-Length: 5\r\nContent-Length: 7\r\n\r\nid: x\n"),
      Garbage(name: "bad chunk size", post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nid: x\r\n0\r\n\r\n"),
      Garbage(name: "malformed JSON", Wire.request("POST", "/api/v1/evaluate", body: #"{"id": "x", "facts": {"visitors": 6"#), status: 422),
    ])
    func garbageIsRefused(_ garbage: Garbage) async throws {
      try await Fixture.app().test(.live) { client in
        let port = try #require(client.port)
        let (answer, closed) = try await onThread {
          let connection = try LoopbackConnection(port: port)
          try? connection.send(garbage.bytes)  // the server may close before it has read all
          let answer = connection.response(within: Wire.promptly)
          return (answer, connection.closesWithin(Wire.promptly))
        }
        if let status = garbage.status {
          #expect(answer?.status == status, "\(String(describing: answer?.text))")
        } else {
          #expect(answer == nil)
        }
        #expect(closed)
        let (health, _) = try await Wire.ask(Wire.healthz, port: port)
        #expect(health?.status == 200)
      }
    }
  }
}
