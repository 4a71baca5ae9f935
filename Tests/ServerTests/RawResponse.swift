import Foundation

/// An HTTP/1.1 response as it came off the wire: the status line's code, the header fields
/// and the body (by Content-Length, or up to the close).
struct RawResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  var text: String { String(decoding: body, as: UTF8.self) }

  /// The response in `bytes`, or nil while it is not whole: its head incomplete, or fewer
  /// body bytes than Content-Length (without one, the body ends when the peer `closed`).
  init?(_ bytes: [UInt8], closed: Bool) {
    let separator: [UInt8] = Array("\r\n\r\n".utf8)
    guard let headEnd = bytes.firstRange(of: separator) else { return nil }
    let lines = String(decoding: bytes[..<headEnd.lowerBound], as: UTF8.self).split(separator: "\r\n", omittingEmptySubsequences: false)
    let statusWords = lines.first?.split(separator: " ") ?? []
    guard statusWords.count >= 2, statusWords[0].hasPrefix("HTTP/1."), let status = Int(statusWords[1]) else { return nil }
    let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
      guard let colon = line.firstIndex(of: ":") else { return nil }
      return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
    let rest = bytes[headEnd.upperBound...]
    if let length = headers.first(where: { $0.name == "content-length" }).flatMap({ Int($0.value) }) {
      guard rest.count >= length else { return nil }
      body = Array(rest.prefix(length))
    } else {
      guard closed else { return nil }
      body = Array(rest)
    }
    self.status = status
    self.headers = headers
  }
}
