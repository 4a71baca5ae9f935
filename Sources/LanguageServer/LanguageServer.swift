import Foundation
import Rulebook
import SourceDiagnostics

/// A language server for rule files: diagnostics (what `bricoleur lint` reports, with open
/// documents read as they are in the editor), completion in expressions, hover and go to
/// definition. Messages go in one at a time and the messages to send come out, so a test can
/// drive it without a process; `StandardIO` connects it to standard input and output.
public final class LanguageServer {
  /// The server's version, reported to the client.
  let version: String
  var initialized = false
  var shuttingDown = false
  /// The exit status asked for by `exit` (0 after `shutdown`, else 1); nil while running.
  public private(set) var exitStatus: Int32?

  /// The open documents by path.
  var documents: [String: OpenDocument] = [:]
  /// The rulebook folders whose diagnostics are out of date.
  var pendingFolders: Set<String> = []
  /// The files given diagnostics, by the rulebook folder they were linted in.
  var published: [String: Set<String>] = [:]
  /// The names of each rulebook folder, built when first asked for after a change; the last
  /// one built from readable files is kept while a file does not parse.
  var indexes: [String: RulebookIndex] = [:]
  var readableIndexes: [String: RulebookIndex] = [:]

  public init(version: String = "0.1.0") {
    self.version = version
  }

  /// An open document.
  struct OpenDocument {
    var uri: String
    var version: Int?
    var text: String
  }

  /// Handles one message (a JSON body) and returns the messages to send back, in order.
  public func handle(_ body: Data) -> [Data] {
    guard let object = try? JSONSerialization.jsonObject(with: body) else {
      return [Self.response(RequestID?.none, RPCError(.parseError, "the message is not JSON"))]
    }
    guard object is [String: Any], let envelope = try? JSONDecoder().decode(IncomingEnvelope.self, from: body) else {
      return [Self.response(RequestID?.none, RPCError(.invalidRequest, "a message is an object with 'jsonrpc', 'method' and for a request 'id'"))]
    }
    guard let method = envelope.method else {
      // A response to a request the server never makes, or nothing at all.
      return envelope.id == nil ? [Self.response(RequestID?.none, RPCError(.invalidRequest, "the message has no 'method'"))] : []
    }
    guard let id = envelope.id else {
      notification(method, body)
      return []
    }
    do {
      return [try request(method, id: id, body)]
    } catch let error as RPCError {
      return [Self.response(id, error)]
    } catch {
      return [Self.response(id, RPCError(.internalError, "\(error)"))]
    }
  }

  /// Answers a request.
  func request(_ method: String, id: RequestID, _ body: Data) throws -> Data {
    if method == "initialize" {
      initialized = true
      return Self.response(id, result: InitializeResult(serverInfo: .init(name: "bricoleur", version: version)))
    }
    guard initialized else { throw RPCError(.serverNotInitialized, "send 'initialize' first") }
    guard !shuttingDown else { throw RPCError(.invalidRequest, "the server is shutting down") }
    switch method {
    case "shutdown":
      shuttingDown = true
      return Self.response(id, result: Optional<Int>.none)
    case "textDocument/completion":
      let items = context(try Self.params(PositionParams.self, body)).map { index, file, offset in
        index.completions(CursorContext(at: offset, in: file))
      }
      return Self.response(id, result: CompletionList(isIncomplete: false, items: items ?? []))
    case "textDocument/hover":
      let hover = context(try Self.params(PositionParams.self, body)).flatMap { (index, file, offset) -> Hover? in
        guard let name = CursorContext.name(at: offset, in: file), let text = index.hover(name.text) else { return nil }
        return Hover(contents: MarkupContent(value: text), range: file.range(of: name))
      }
      return Self.response(id, result: hover)
    case "textDocument/definition":
      let locations = context(try Self.params(PositionParams.self, body)).flatMap { (index, file, offset) -> [Location]? in
        guard let name = CursorContext.name(at: offset, in: file) else { return nil }
        let spans = index.declarations(of: name.text)
        return spans.isEmpty ? nil : spans.map(\.location)
      }
      return Self.response(id, result: locations)
    default:
      throw RPCError(.methodNotFound, "unknown method '\(method)'")
    }
  }

  /// Acts on a notification; unknown ones and those that cannot be read are ignored.
  func notification(_ method: String, _ body: Data) {
    if method == "exit" {
      exitStatus = shuttingDown ? 0 : 1
      return
    }
    guard initialized, !shuttingDown else { return }
    switch method {
    case "textDocument/didOpen":
      guard let params = try? Self.params(DidOpenParams.self, body) else { return }
      open(params.textDocument.uri, version: params.textDocument.version, text: params.textDocument.text)
    case "textDocument/didChange":
      guard let params = try? Self.params(DidChangeParams.self, body), let text = params.contentChanges.last?.text else { return }
      change(params.textDocument.uri, version: params.textDocument.version, text: text)
    case "textDocument/didSave":
      guard let params = try? Self.params(DidSaveParams.self, body) else { return }
      saved(params.textDocument.uri, text: params.text)
    case "textDocument/didClose":
      guard let params = try? Self.params(DocumentParams.self, body) else { return }
      close(params.textDocument.uri)
    default:
      return
    }
  }

  /// The index, file and byte offset of a position in a document of a rulebook folder; nil
  /// for a document that is not a file of one (the answer is then empty).
  func context(_ params: PositionParams) -> (RulebookIndex, SourceFile, Int)? {
    guard let path = DocumentURI.path(of: params.textDocument.uri), let file = try? overlay.load(path: path).file,
      let index = index(of: Self.rulebookFolder(of: path))
    else { return nil }
    return (index, file, file.offset(of: params.position))
  }

  static func params<Params: Decodable>(_ type: Params.Type, _ body: Data) throws -> Params {
    do {
      return try JSONDecoder().decode(IncomingParams<Params>.self, from: body).params
    } catch {
      throw RPCError(.invalidParams, "cannot read the parameters: \(error)")
    }
  }

  static func response<Result: Encodable>(_ id: RequestID?, result: Result?) -> Data {
    MessageEncoding.encode(OutgoingResponse(id: id, result: result, error: nil))
  }

  static func response(_ id: RequestID?, _ error: RPCError) -> Data {
    MessageEncoding.encode(OutgoingResponse<Int>(id: id, result: nil, error: error))
  }

  static func notification<Params: Encodable>(_ method: String, _ params: Params) -> Data {
    MessageEncoding.encode(OutgoingNotification(method: method, params: params))
  }
}
