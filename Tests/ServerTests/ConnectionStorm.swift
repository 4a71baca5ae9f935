import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Many connections at once from one thread: every one connects, sends the same request and
/// reads its answer, driven by one poll() loop, so thousands are open at the same moment
/// without thousands of threads.
enum ConnectionStorm {
  /// What became of each connection: its response, or nil when none came before the deadline.
  struct Outcome: Sendable {
    var responses: [RawResponse?]
    var elapsed: Duration
  }

  /// Opens one connection to 127.0.0.1:`port` per request, all before any answer is read,
  /// sends each its request and waits until each has its response, or until `limit` has passed.
  static func run(port: Int, requests: [[UInt8]], within limit: Duration) throws -> Outcome {
    let start = ContinuousClock.now
    let count = requests.count
    let connections = try (0..<count).map { _ in try LoopbackConnection(port: port, nonBlocking: true) }
    var sent = [Int](repeating: 0, count: count)
    var done = [Bool](repeating: false, count: count)
    while ContinuousClock.now - start < limit {
      let active = (0..<count).filter { !done[$0] }
      if active.isEmpty { break }
      var entries = active.map { pollfd(fd: connections[$0].descriptor, events: Int16(sent[$0] < requests[$0].count ? POLLOUT : POLLIN), revents: 0) }
      guard poll(&entries, nfds_t(entries.count), 100) >= 0 || errno == EINTR else { throw SocketError(call: "poll") }
      for (entry, index) in zip(entries, active) where entry.revents != 0 {
        let connection = connections[index]
        let request = requests[index]
        if sent[index] < request.count, entry.revents & Int16(POLLOUT) != 0 {
          let wrote = request[sent[index]...].withUnsafeBytes { sendWithoutSignal(entry.fd, $0.baseAddress, $0.count) }
          if wrote > 0 { sent[index] += wrote } else { done[index] = true }
        } else {
          done[index] = connection.readAvailable()
        }
      }
    }
    return Outcome(responses: connections.map(\.responseSoFar), elapsed: ContinuousClock.now - start)
  }

  /// How many connections this process may hold: the soft limit on descriptors is raised to
  /// the hard one; each loopback connection costs two descriptors here (the client's end and
  /// the server's, in the same process), and `margin` is kept for everything else.
  static func affordableConnections(wanted: Int, margin: Int = 256) -> Int {
    var limit = rlimit()
    #if os(Linux)
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    let resource = RLIMIT_NOFILE
    #endif
    if getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max {
      limit.rlim_cur = limit.rlim_max
      _ = setrlimit(resource, &limit)
      _ = getrlimit(resource, &limit)
    }
    let descriptors = Int(clamping: limit.rlim_cur)
    return max(0, min(wanted, (descriptors - margin) / 2))
  }
}
