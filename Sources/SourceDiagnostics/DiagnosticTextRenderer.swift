/// Renders diagnostics for a terminal or a golden file.
///
///     Rules/borne/evenementen.yaml:14:11: error: condition must be 'bool', found 'int' [expr.type-mismatch]
///        |
///     14 |     if: visitors + 1
///        |         ^~~~~~~~~~~~
///        = help: compare it with something, e.g. 'visitors + 1 > 150'
public struct DiagnosticTextRenderer: Sendable {
  /// Whether to use ANSI colours (only on a terminal, never in golden files).
  public var color: Bool

  public init(color: Bool = false) {
    self.color = color
  }

  /// Renders several diagnostics, separated by blank lines.
  public func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map(render).joined(separator: "\n")
  }

  /// Renders one diagnostic with its excerpt, notes and help; ends with a newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    var out = header(diagnostic)
    if let span = diagnostic.span {
      out += excerpt(span, caretColor: severityColor(diagnostic.severity))
    }
    for note in diagnostic.notes {
      if let span = note.span {
        out += "\(location(span)): \(paint("note", ansi: "1;36")): \(note.message)\n"
        out += excerpt(span, caretColor: "1;36")
      } else {
        out += "   = note: \(note.message)\n"
      }
    }
    if let help = diagnostic.help {
      out += "   = \(paint("help", ansi: "1;32")): \(help)\n"
    }
    return out
  }

  func header(_ diagnostic: Diagnostic) -> String {
    let place: String
    if let span = diagnostic.span {
      place = location(span) + ": "
    } else if let path = diagnostic.path {
      place = path + ": "
    } else {
      place = ""
    }
    let severity = paint(diagnostic.severity.rawValue, ansi: severityColor(diagnostic.severity))
    return "\(place)\(severity): \(paint(diagnostic.message, ansi: "1")) [\(diagnostic.code)]\n"
  }

  func location(_ span: SourceSpan) -> String {
    let start = span.startLocation
    return "\(span.file.path):\(start.line):\(start.column)"
  }

  /// The source line with a `^~~~` underline; a span over several lines is underlined to the end of its first line.
  func excerpt(_ span: SourceSpan, caretColor: String) -> String {
    let start = span.startLocation
    let lineNumber = String(start.line)
    let gutter = String(repeating: " ", count: lineNumber.count)
    let lineStart = span.file.lineStarts[start.line - 1]
    let lineEnd = span.file.lineEnd(lineIndex: start.line - 1)
    // A very long line (a minified file, a huge scalar) is shown as a window around the caret.
    let window = Self.window(file: span.file, lineStart: lineStart, lineEnd: lineEnd, caret: span.start)
    let line = (window.cutBefore ? "…" : "") + printable(window.text) + (window.cutAfter ? "…" : "")
    let underlined = max(1, min(Self.maxUnderline, span.file.scalarCount(from: span.start, to: min(span.end, lineEnd))))
    let marker = "^" + String(repeating: "~", count: underlined - 1)
    let pad = String(repeating: " ", count: window.caretColumn + (window.cutBefore ? 1 : 0))
    return """
      \(gutter) |
      \(lineNumber) | \(line)
      \(gutter) | \(pad)\(paint(marker, ansi: caretColor))

      """
  }

  static let maxLine = 160
  static let maxUnderline = 100

  /// The part of a line shown in an excerpt: all of it when short, else ~160 scalars around the caret.
  static func window(file: SourceFile, lineStart: Int, lineEnd: Int, caret: Int)
    -> (text: String, caretColumn: Int, cutBefore: Bool, cutAfter: Bool)
  {
    let bytes = file.bytes
    let caretColumn = file.scalarCount(from: lineStart, to: caret)
    if lineEnd - lineStart <= maxLine * 4, file.scalarCount(from: lineStart, to: lineEnd) <= maxLine {
      return (String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self), caretColumn, false, false)
    }
    // Walk back up to 40 scalars before the caret and forward to fill the window.
    var from = caret
    var back = 0
    while from > lineStart, back < 40 {
      from -= 1
      while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }
      back += 1
    }
    var to = caret
    var forward = 0
    while to < lineEnd, forward < maxLine - back {
      to += 1
      while to < lineEnd, bytes[to] & 0xC0 == 0x80 { to += 1 }
      forward += 1
    }
    return (String(decoding: bytes[from..<to], as: UTF8.self), back, from > lineStart, to < lineEnd)
  }

  /// Tabs and control characters become one space each, so the caret stays under its column.
  func printable(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
  }

  func severityColor(_ severity: Severity) -> String {
    switch severity {
    case .error: "1;31"
    case .warning: "1;33"
    case .note: "1;36"
    }
  }

  func paint(_ text: String, ansi: String) -> String {
    color ? "\u{1B}[\(ansi)m\(text)\u{1B}[0m" : text
  }
}
