import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One TCP connection to the server under test, made with plain POSIX calls so that no HTTP
/// client library hides (or repairs) what goes over the wire. Blocking: use it from a thread
/// of its own (`onThread`), one thread at a time.
final class LoopbackConnection: @unchecked Sendable {
  let descriptor: Int32
  private var received: [UInt8] = []
  private var closedByPeer = false

  /// Connects to 127.0.0.1:`port`; `nonBlocking` leaves the connect in progress (for `ConnectionStorm`).
  init(port: Int, nonBlocking: Bool = false) throws {
    #if os(Linux)
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw SocketError(call: "socket") }
    #if canImport(Darwin)
    var one: Int32 = 1
    setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
    #endif
    if nonBlocking { _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = in_addr_t(0x7F00_0001).bigEndian
    let result = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard result == 0 || (nonBlocking && errno == EINPROGRESS) else {
      let error = SocketError(call: "connect")
      close(descriptor)
      throw error
    }
  }

  deinit { close(descriptor) }

  /// Sends every byte (blocking).
  func send(_ bytes: some Collection<UInt8>) throws {
    let bytes = Array(bytes)
    var offset = 0
    while offset < bytes.count {
      let sent = bytes[offset...].withUnsafeBytes { sendWithoutSignal(descriptor, $0.baseAddress, $0.count) }
      guard sent > 0 else { throw SocketError(call: "send") }
      offset += sent
    }
  }

  func send(_ text: String) throws { try send(Array(text.utf8)) }

  /// The whole response, or nil when none has arrived within `limit`.
  func response(within limit: Duration) -> RawResponse? {
    let deadline = ContinuousClock.now + limit
    while true {
      if let response = RawResponse(received, closed: closedByPeer) { return response }
      if closedByPeer || !receive(until: deadline) { return nil }
    }
  }

  /// True when the server closes the connection (or resets it) within `limit`; what it
  /// answered before closing is read and dropped.
  func closesWithin(_ limit: Duration) -> Bool {
    let deadline = ContinuousClock.now + limit
    while !closedByPeer {
      if !receive(until: deadline) { return false }
    }
    return true
  }

  /// Reads what is there, waiting at most until `deadline` (a deadline past still looks
  /// once); false when nothing came.
  private func receive(until deadline: ContinuousClock.Instant) -> Bool {
    let remaining = max(deadline - ContinuousClock.now, .zero)
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    guard poll(&entry, 1, Int32((remaining.seconds * 1000).rounded(.up))) > 0 else { return false }
    readAvailable()
    return true
  }

  /// Reads without blocking past what poll() reported; marks the connection closed on EOF or reset.
  @discardableResult
  func readAvailable() -> Bool {
    var buffer = [UInt8](repeating: 0, count: 64 << 10)
    let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
    if count > 0 {
      received += buffer[..<count]
    } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      closedByPeer = true
    }
    return RawResponse(received, closed: closedByPeer) != nil || closedByPeer
  }

  /// What has arrived so far, as a response if it is whole.
  var responseSoFar: RawResponse? { RawResponse(received, closed: closedByPeer) }
}

/// A POSIX call that failed, with its errno.
struct SocketError: Error, CustomStringConvertible {
  var call: String
  var code = errno
  var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// send() that does not raise SIGPIPE when the server has closed the connection.
func sendWithoutSignal(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int {
  #if os(Linux)
  Glibc.send(descriptor, bytes, count, Int32(MSG_NOSIGNAL))
  #else
  Darwin.send(descriptor, bytes, count, 0)
  #endif
}

/// Runs blocking socket work on a thread of its own, off Swift's cooperative pool: blocking
/// there would starve the server's own tasks (the pool has one thread per core).
func onThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { continuation in
    Thread { continuation.resume(with: Result { try work() }) }.start()
  }
}

extension Duration {
  var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
