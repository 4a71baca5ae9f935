import Foundation

/// A place in a document: 0-based line and character, characters counted in UTF-16 code units
/// (the protocol's default position encoding).
public struct Position: Codable, Hashable, Sendable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }
}

/// A stretch of a document, end exclusive.
public struct TextRange: Codable, Hashable, Sendable {
  public var start: Position
  public var end: Position
}

/// A stretch of a document by its URI.
public struct Location: Codable, Hashable, Sendable {
  public var uri: String
  public var range: TextRange
}

struct TextDocumentIdentifier: Codable {
  var uri: String
}

struct TextDocumentItem: Codable {
  var uri: String
  var languageId: String?
  var version: Int?
  var text: String
}

struct DidOpenParams: Codable {
  var textDocument: TextDocumentItem
}

struct DidChangeParams: Codable {
  struct Change: Codable {
    var text: String
  }
  struct VersionedDocument: Codable {
    var uri: String
    var version: Int?
  }
  var textDocument: VersionedDocument
  var contentChanges: [Change]
}

struct DidSaveParams: Codable {
  var textDocument: TextDocumentIdentifier
  var text: String?
}

struct DocumentParams: Codable {
  var textDocument: TextDocumentIdentifier
}

struct PositionParams: Codable {
  var textDocument: TextDocumentIdentifier
  var position: Position
}

/// A problem as the protocol carries it.
public struct LSPDiagnostic: Codable, Hashable, Sendable {
  public struct RelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String
  }

  public var range: TextRange
  /// 1 error, 2 warning, 3 information.
  public var severity: Int
  public var code: String
  public var source: String
  public var message: String
  public var relatedInformation: [RelatedInformation]?
}

struct PublishDiagnosticsParams: Codable {
  var uri: String
  var version: Int?
  var diagnostics: [LSPDiagnostic]
}

/// One offered completion.
public struct CompletionItem: Codable, Hashable, Sendable {
  /// The protocol's kinds the server uses.
  public enum Kind: Int, Codable, Sendable {
    case variable = 6
    case constant = 21
    case function = 3
    case enumMember = 20
  }

  public var label: String
  public var kind: Kind
  /// The type, value or expression, short.
  public var detail: String?
  public var documentation: String?
}

struct CompletionList: Codable {
  var isIncomplete: Bool
  var items: [CompletionItem]
}

struct MarkupContent: Codable {
  var kind = "markdown"
  var value: String
}

struct Hover: Codable {
  var contents: MarkupContent
  var range: TextRange?
}

struct InitializeResult: Encodable {
  struct Capabilities: Encodable {
    struct Sync: Encodable {
      var openClose = true
      /// Full: every change sends the whole text.
      var change = 1
      var save = ["includeText": false]
    }
    struct Completion: Encodable {
      var triggerCharacters = ["[", " ", ","]
    }
    var positionEncoding = "utf-16"
    var textDocumentSync = Sync()
    var completionProvider = Completion()
    var hoverProvider = true
    var definitionProvider = true
  }
  struct ServerInfo: Encodable {
    var name: String
    var version: String
  }
  var capabilities = Capabilities()
  var serverInfo: ServerInfo
}
