import Foundation
import SourceDiagnostics

extension SourceFile {
  /// The protocol's position of a byte offset (UTF-16 code units from the line's start).
  func position(of offset: Int) -> Position {
    let clamped = max(0, min(offset, bytes.count))
    let line = location(of: clamped).line - 1
    let start = lineStarts[line]
    return Position(line: line, character: String(decoding: bytes[start..<clamped], as: UTF8.self).utf16.count)
  }

  /// The byte offset of a protocol position, clamped to its line.
  func offset(of position: Position) -> Int {
    guard position.line >= 0 else { return 0 }
    guard position.line < lineStarts.count else { return bytes.count }
    var offset = lineStarts[position.line]
    var units = 0
    for scalar in lineText(position.line + 1).unicodeScalars {
      guard units < position.character else { break }
      units += scalar.utf16.count
      offset += scalar.utf8.count
    }
    return offset
  }

  /// The protocol's range of a span in this file.
  func range(of span: SourceSpan) -> TextRange {
    TextRange(start: position(of: span.start), end: position(of: span.end))
  }
}

extension SourceSpan {
  /// Where the span is, as the protocol says it.
  var location: Location {
    Location(uri: DocumentURI.uri(of: file.path), range: file.range(of: self))
  }
}

/// `file://` URIs and paths.
enum DocumentURI {
  /// The path of a `file://` URI (percent escapes decoded), nil for another scheme.
  static func path(of uri: String) -> String? {
    guard let url = URL(string: uri), url.isFileURL else { return nil }
    return (url.path as NSString).standardizingPath
  }

  /// The `file://` URI of a path (made absolute from the current folder).
  static func uri(of path: String) -> String {
    URL(fileURLWithPath: (path as NSString).standardizingPath).absoluteString
  }
}

extension LSPDiagnostic {
  /// A diagnostic of the project as the protocol carries it: its help and the notes without a
  /// place go into the message; notes with a place become related information.
  init(_ diagnostic: Diagnostic, range: TextRange) {
    var message = diagnostic.message
    for note in diagnostic.notes where note.span == nil { message += "\nnote: \(note.message)" }
    if let help = diagnostic.help { message += "\nhelp: \(help)" }
    let related = diagnostic.notes.compactMap { note in
      note.span.map { RelatedInformation(location: $0.location, message: note.message) }
    }
    let severity =
      switch diagnostic.severity {
      case .error: 1
      case .warning: 2
      case .note: 3
      }
    self.init(
      range: range, severity: severity, code: diagnostic.code, source: "bricoleur", message: message,
      relatedInformation: related.isEmpty ? nil : related)
  }
}
