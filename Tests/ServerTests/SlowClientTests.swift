import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BricoleurServer

extension AbuseTests {
  /// Slow and stalled clients on the live server: they must not hold up anyone else, and the
  /// idle timeout must end the ones that stop.
  @Suite struct SlowClientTests {
    /// While some connections send nothing, some send half a body and stall, and some send a
    /// request's head one byte at a time, `/healthz` and evaluations on other connections are
    /// answered promptly; then each slow request, once whole, gets its answer too.
    @Test func slowClientsDoNotHoldUpOthers() async throws {
      let expected = try #require(try Wire.expectedLevel())
      let evaluate = try Wire.evaluate()
      let (head, body) = Wire.split(evaluate)
      let bodyBytes = Array(body.utf8)
      let half = bodyBytes.count / 2
      try await Fixture.app().test(.live) { client in
        let port = try #require(client.port)
        let (silent, halfBody, dribbling) = try await onThread {
          let silent = try (0..<3).map { _ in try LoopbackConnection(port: port) }
          let halfBody = try (0..<3).map { _ in try LoopbackConnection(port: port) }
          for connection in halfBody { try connection.send(Array(head.utf8) + bodyBytes[..<half]) }
          return (silent, halfBody, try (0..<3).map { _ in try LoopbackConnection(port: port) })
        }
        // About two seconds of dribbling: every byte of the head goes to each of the three
        // connections in turn, then the body at once.
        let pause = Duration.seconds(2) / head.utf8.count
        async let dribbled = onThread {
          for byte in head.utf8 {
            for connection in dribbling { try connection.send([byte]) }
            Thread.sleep(forTimeInterval: pause.seconds)
          }
          for connection in dribbling { try connection.send(body) }
          return dribbling.map { $0.response(within: .seconds(5)) }
        }
        for _ in 0..<3 {
          let (health, healthTime) = try await Wire.ask(Wire.healthz, port: port)
          #expect(health?.status == 200, "healthz: \(String(describing: health?.text))")
          #expect(healthTime < Wire.promptly)
          let (answer, answerTime) = try await Wire.ask(evaluate, port: port)
          #expect(answer?.status == 200)
          #expect(Wire.level(of: answer) == expected)
          #expect(answerTime < Wire.promptly)
        }
        // The stalled ones were still waiting all along: open, unanswered.
        for connection in silent + halfBody {
          #expect(connection.response(within: .zero) == nil)
          #expect(!connection.closesWithin(.zero))
        }
        for answer in try await dribbled {
          #expect(answer?.status == 200)
          #expect(Wire.level(of: answer) == expected)
        }
        // Nothing lost: the stalled requests, completed, are answered.
        let completed = try await onThread {
          for connection in halfBody { try connection.send(bodyBytes[half...]) }
          for connection in silent { try connection.send(evaluate) }
          return (halfBody + silent).map { $0.response(within: Wire.promptly) }
        }
        for answer in completed {
          #expect(answer?.status == 200)
          #expect(Wire.level(of: answer) == expected)
        }
      }
    }

    /// A connection that goes silent (before its request, halfway through its head or its
    /// body, or after an answer with keep-alive) is closed by the server once the idle timeout
    /// has passed, and not before.
    @Test(arguments: [
      Stall(name: "before the request", sent: ""),
      Stall(name: "halfway through the head", sent: "POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0"),
      Stall(name: "halfway through the body", sent: "POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nid: x\n"),
      Stall(name: "after an answer, kept alive", sent: Wire.request("GET", "/healthz", keepAlive: true)),
    ])
    func stalledConnectionIsClosed(_ stall: Stall) async throws {
      var configuration = Fixture.configuration()
      configuration.idleTimeout = .seconds(1)
      try await Fixture.app(configuration).test(.live) { client in
        let port = try #require(client.port)
        let (openAtFirst, closedLater) = try await onThread {
          let connection = try LoopbackConnection(port: port)
          try connection.send(stall.sent)
          return (!connection.closesWithin(.milliseconds(400)), connection.closesWithin(.seconds(3)))
        }
        #expect(openAtFirst)
        #expect(closedLater)
        let (health, _) = try await Wire.ask(Wire.healthz, port: port)
        #expect(health?.status == 200)
      }
    }

    /// A body that stops arriving is answered 503 (`http.timeout`) once the time limit per
    /// request has passed (the timer runs on the connection's event loop), well before the idle
    /// timeout would close the connection.
    @Test func stalledBodyTimesOut() async throws {
      var configuration = Fixture.configuration()
      configuration.requestTimeout = .seconds(1)
      configuration.idleTimeout = .seconds(30)
      try await Fixture.app(configuration).test(.live) { client in
        let port = try #require(client.port)
        let (early, answer) = try await onThread {
          let connection = try LoopbackConnection(port: port)
          try connection.send("POST /api/v1/evaluate HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\nid: x\n")
          return (connection.response(within: .milliseconds(500)), connection.response(within: .seconds(3)))
        }
        #expect(early == nil)
        #expect(answer?.status == 503)
        #expect(answer?.text.contains("http.timeout") == true)
        let (health, _) = try await Wire.ask(Wire.healthz, port: port)
        #expect(health?.status == 200)
      }
    }

    struct Stall: CustomTestStringConvertible, Sendable {
      var name: String
      var sent: String
      var testDescription: String { name }
    }
  }
}
