import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import BricoleurServer

extension AbuseTests {
  /// Thousands of connections to the live server at once, each with an evaluation or a
  /// health check: every one is answered, and `/healthz` answers during the storm.
  @Suite struct ConnectionStormTests {
    @Test func everyConnectionOfAStormIsAnswered() async throws {
      // 2000 connections where the descriptor limit allows; on a machine whose hard limit is
      // 1024 descriptors this becomes (1024 - 256) / 2 = 384 (each connection costs two
      // descriptors in this process: the client's end and the server's).
      let count = ConnectionStorm.affordableConnections(wanted: 2000)
      try #require(count >= 100, "the descriptor limit allows only \(count) connections")
      let expected = try #require(try Wire.expectedLevel())
      let evaluate = try Wire.evaluate()
      // Every tenth connection evaluates, the others ask /healthz: an evaluation costs about
      // 15 ms of CPU in a debug build, so 2000 of them would take half a minute on two cores;
      // the storm is about connections, and 200 evaluations still queue up behind each other.
      let requests = (0..<count).map { Array(($0 % 10 == 0 ? evaluate : Wire.healthz).utf8) }
      try await Fixture.app().test(.live) { client in
        let port = try #require(client.port)
        let (referenceEvaluation, _) = try await Wire.ask(evaluate, port: port)
        let (referenceHealth, _) = try await Wire.ask(Wire.healthz, port: port)
        #expect(Wire.level(of: referenceEvaluation) == expected)
        #expect(referenceHealth?.status == 200)
        let stormOver = Flag()
        async let storm = onThread {
          defer { stormOver.raise() }
          return try ConnectionStorm.run(port: port, requests: requests, within: .seconds(30))
        }
        // Probes queue up behind the storm's requests (first come, first served), so they
        // are given the request time limit rather than `Wire.promptly`.
        var probes: [Duration] = []
        var answeredDuringStorm = 0
        while !stormOver.isRaised {
          let (health, elapsed) = try await Wire.ask(Wire.healthz, port: port, within: .seconds(10))
          #expect(health?.status == 200)
          probes.append(elapsed)
          if health?.status == 200, !stormOver.isRaised { answeredDuringStorm += 1 }
          try await Task.sleep(for: .milliseconds(50))
        }
        let outcome = try await storm
        #expect(outcome.responses.count == count)
        let lost = outcome.responses.filter { $0 == nil }.count
        #expect(lost == 0, "\(lost) of \(count) connections got no answer")
        for (index, response) in outcome.responses.enumerated() {
          let reference = index % 10 == 0 ? referenceEvaluation : referenceHealth
          guard let response else { continue }
          #expect(response.status == 200 && response.body == reference?.body, "connection \(index): \(response.status)")
        }
        #expect(answeredDuringStorm >= 1)
      }
    }
  }
}

/// A flag one thread raises and another reads.
final class Flag: @unchecked Sendable {
  private let lock = NSLock()
  private var raised = false

  func raise() { lock.withLock { raised = true } }
  var isRaised: Bool { lock.withLock { raised } }
}
