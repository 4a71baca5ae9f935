import Foundation

/// A request's id: JSON-RPC allows a number or a string.
public enum RequestID: Codable, Hashable, Sendable {
  case number(Int)
  case string(String)

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let number = try? container.decode(Int.self) {
      self = .number(number)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let number): try container.encode(number)
    case .string(let text): try container.encode(text)
    }
  }
}

/// The JSON-RPC and LSP error codes the server answers with.
public enum RPCErrorCode: Int, Sendable {
  case parseError = -32700
  case invalidRequest = -32600
  case methodNotFound = -32601
  case invalidParams = -32602
  case internalError = -32603
  case serverNotInitialized = -32002
}

/// An error answer to a request.
public struct RPCError: Error, Encodable, Sendable {
  public var code: Int
  public var message: String

  public init(_ code: RPCErrorCode, _ message: String) {
    self.code = code.rawValue
    self.message = message
  }
}

/// The members of an incoming message the server dispatches on: a request has an id and a
/// method, a notification only a method, a response (to nothing the server asked) only an id.
struct IncomingEnvelope: Decodable {
  var jsonrpc: String?
  var id: RequestID?
  var method: String?
}

/// The `params` of a message, decoded as the method expects them.
struct IncomingParams<Params: Decodable>: Decodable {
  var params: Params
}

/// A response: its `result`, or its `error`, for the request with `id` (null when the request
/// could not be read).
struct OutgoingResponse<Result: Encodable>: Encodable {
  var id: RequestID?
  var result: Result?
  var error: RPCError?

  enum Keys: String, CodingKey { case jsonrpc, id, result, error }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Keys.self)
    try container.encode("2.0", forKey: .jsonrpc)
    if let id { try container.encode(id, forKey: .id) } else { try container.encodeNil(forKey: .id) }
    if let error {
      try container.encode(error, forKey: .error)
    } else if let result {
      try container.encode(result, forKey: .result)
    } else {
      try container.encodeNil(forKey: .result)
    }
  }
}

/// A notification from the server (`textDocument/publishDiagnostics`).
struct OutgoingNotification<Params: Encodable>: Encodable {
  var jsonrpc = "2.0"
  var method: String
  var params: Params
}

/// Encodes outgoing messages with stable key order.
enum MessageEncoding {
  static func encode(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // Every outgoing type encodes plain values; failing here is a programming error.
    return (try? encoder.encode(value)) ?? Data(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"cannot encode the answer"}}"#.utf8)
  }
}
