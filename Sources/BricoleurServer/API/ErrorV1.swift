import Engine
import Foundation
import Hummingbird
import Reports
import SourceDiagnostics

/// The body of every error response: a stable code, a message, and the diagnostics with the
/// same codes and positions as the CLI's.
public struct ErrorV1: Codable, Sendable, Hashable {
  public var code: String
  public var message: String
  public var diagnostics: [DiagnosticV1]

  public init(code: String, message: String, diagnostics: [DiagnosticV1] = []) {
    self.code = code
    self.message = message
    self.diagnostics = diagnostics
  }

  /// An error for input problems: the first error's code and message, and all diagnostics.
  public init(_ diagnostics: [Diagnostic]) {
    let first = diagnostics.first { $0.severity == .error } ?? diagnostics.first
    self.init(
      code: first?.code ?? "input.invalid", message: first?.message ?? "the input is invalid",
      diagnostics: diagnostics.map(DiagnosticV1.init))
  }
}

/// An error response of the API (`ErrorV1` as JSON).
struct APIError: Error, HTTPResponseError {
  var status: HTTPResponse.Status
  var body: ErrorV1
  /// The methods a path answers, for a 405.
  var allow: [String] = []

  var headers: HTTPFields {
    var fields: HTTPFields = [.contentType: "application/json; charset=utf-8"]
    if !allow.isEmpty { fields[.allow] = allow.joined(separator: ", ") }
    return fields
  }

  func response(from request: Request, context: some RequestContext) throws -> Response {
    Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try WireJSON.encode(body))))
  }

  init(_ status: HTTPResponse.Status, code: String, _ message: String) {
    self.status = status
    body = ErrorV1(code: code, message: message)
  }

  init(_ status: HTTPResponse.Status, diagnostics: [Diagnostic]) {
    self.status = status
    body = ErrorV1(diagnostics)
  }

  static func badParameter(_ message: String) -> APIError { APIError(.badRequest, code: "http.bad-parameter", message) }

  static func notFound(_ message: String) -> APIError { APIError(.notFound, code: "http.not-found", message) }

  static func tooLarge(_ limit: Int) -> APIError {
    APIError(.contentTooLarge, code: "http.body-too-large", "the request body is larger than \(limit) bytes")
  }
}

/// The JSON encoding of the wire types: sorted keys, unescaped slashes.
enum WireJSON {
  static func encode(_ value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(value)
  }

  /// A JSON response with `status`.
  static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(
      status: status, headers: [.contentType: "application/json; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(bytes: try encode(value))))
  }

  /// A response with a text body of `contentType`.
  static func text(_ text: String, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  /// A response whose body is already UTF-8.
  static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }

  /// A response whose body is the text of `writer`, copied once.
  static func written(_ writer: borrowing JSONWriter, contentType: String, status: HTTPResponse.Status = .ok) -> Response {
    let buffer = writer.withBytes { ByteBuffer(bytes: $0) }
    return Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: buffer))
  }
}
