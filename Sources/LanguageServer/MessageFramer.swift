import Foundation

/// The framing of the Language Server Protocol's base protocol: each message is a header
/// (`Content-Length: N`, other fields ignored, lines ending in CRLF, an empty line) followed by
/// N bytes of JSON. Bytes arrive in any chunks; whole messages come out.
public struct MessageFramer: Sendable {
  /// What the next bytes held.
  public enum Frame: Sendable, Equatable {
    /// A message body.
    case message(Data)
    /// A header without a usable `Content-Length`; the header was skipped.
    case malformedHeader(String)
  }

  /// A header longer than this is not a header.
  static let maxHeaderBytes = 8 * 1024
  /// A body longer than this is refused (a rule file is far smaller).
  static let maxBodyBytes = 64 * 1024 * 1024

  var buffer = Data()

  public init() {}

  /// Adds bytes as they arrive.
  public mutating func append(_ bytes: Data) {
    buffer.append(bytes)
  }

  /// The next whole frame, or nil until more bytes arrive.
  public mutating func next() -> Frame? {
    let separator = Data("\r\n\r\n".utf8)
    guard let end = buffer.range(of: separator) else {
      if buffer.count > Self.maxHeaderBytes {
        buffer.removeAll()
        return .malformedHeader("a header of more than \(Self.maxHeaderBytes) bytes without an empty line")
      }
      return nil
    }
    let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
    guard let length = Self.contentLength(header), length <= Self.maxBodyBytes else {
      buffer.removeSubrange(buffer.startIndex..<end.upperBound)
      return .malformedHeader("no valid Content-Length in header '\(header.prefix(200))'")
    }
    guard buffer.count - (end.upperBound - buffer.startIndex) >= length else { return nil }
    let body = buffer[end.upperBound..<(end.upperBound + length)]
    let message = Data(body)
    buffer.removeSubrange(buffer.startIndex..<(end.upperBound + length))
    return .message(message)
  }

  /// The value of the `Content-Length` field (case-insensitive name), if it is a count.
  static func contentLength(_ header: String) -> Int? {
    for line in header.components(separatedBy: "\r\n") {
      let parts = line.split(separator: ":", maxSplits: 1)
      guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { continue }
      return Int(parts[1].trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 ? $0 : nil }
    }
    return nil
  }

  /// A message body with its header, ready to write.
  public static func frame(_ body: Data) -> Data {
    Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }
}
