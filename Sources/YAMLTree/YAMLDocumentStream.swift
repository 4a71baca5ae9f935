import CYAML
import SourceDiagnostics

/// The documents of a YAML stream, read one at a time from libyaml's events.
///
/// Diagnostics accumulate in `diagnostics`; after an error that makes the rest untrustworthy
/// (a syntax error, a limit exceeded), `next()` returns nil.
public final class YAMLDocumentStream {
  public let file: SourceFile
  public let limits: YAMLLimits
  public private(set) var diagnostics: [Diagnostic] = []
  private var parser = yaml_parser_t()
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private var finished = false
  private var builder: YAMLTreeBuilder

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
    self.builder = YAMLTreeBuilder(file: file, limits: limits)
    buffer = UnsafeMutableBufferPointer.allocate(capacity: max(1, file.bytes.count))
    _ = buffer.initialize(from: file.bytes)
    yaml_parser_initialize(&parser)
    yaml_parser_set_input_string(&parser, buffer.baseAddress, file.bytes.count)
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
    if file.bytes.count > limits.maxFileBytes {
      fail(
        .error(
          YAMLDiagnostics.fileTooLarge, "file is \(file.bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
          at: file.span(0, 0), help: "split it into smaller files"))
    }
  }

  deinit {
    yaml_parser_delete(&parser)
    buffer.deallocate()
  }

  /// Whether reading stopped at an error.
  public var stoppedAtError: Bool { diagnostics.hasErrors && finished }

  /// The next document, or nil at the end of the stream or after a fatal error.
  public func next() -> YAMLDocument? {
    while !finished {
      var event = yaml_event_t()
      guard yaml_parser_parse(&parser, &event) == 1 else {
        fail(libyamlError())
        return nil
      }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        finished = true
      case YAML_DOCUMENT_START_EVENT:
        builder.startDocument(at: offset(event.start_mark))
      case YAML_DOCUMENT_END_EVENT:
        let document = builder.endDocument()
        diagnostics += builder.takeDiagnostics()
        if builder.fatal { finished = true }
        return document
      default:
        builder.handle(event, offsets: (offset(event.start_mark), offset(event.end_mark)))
        if builder.fatal {
          diagnostics += builder.takeDiagnostics()
          finished = true
          return nil
        }
      }
    }
    return nil
  }

  private func fail(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    finished = true
  }

  /// The last mark converted, to convert the next one from there (events move forward).
  private var lastMark: (line: Int, column: Int, offset: Int) = (0, 0, 0)

  /// A libyaml mark as a byte offset in the file: libyaml counts lines and characters.
  ///
  /// - Complexity: amortised O(1) for marks that move forward on a line, O(column) otherwise.
  func offset(_ mark: yaml_mark_t) -> Int {
    let line = Int(mark.line)
    let column = Int(mark.column)
    guard line < file.lineStarts.count else { return file.bytes.count }
    var (from, offset) = (0, file.lineStarts[line])
    if lastMark.line == line, lastMark.column <= column { (from, offset) = (lastMark.column, lastMark.offset) }
    let end = file.lineEnd(lineIndex: line)
    let bytes = file.bytes
    var remaining = column - from
    while remaining > 0, offset < end {
      let lead = bytes[offset]
      offset += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
      remaining -= 1
    }
    offset = min(offset, end)
    lastMark = (line, column, offset)
    return offset
  }

  /// libyaml's own error, with its problem, position and context.
  private func libyamlError() -> Diagnostic {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let at = offset(parser.problem_mark)
    let span = file.span(at, min(file.bytes.count, at + 1))
    var notes: [DiagnosticNote] = []
    let contextAt = offset(parser.context_mark)
    if let context = parser.context.map({ String(cString: $0) }), contextAt != at {
      notes.append(DiagnosticNote(context, at: file.span(contextAt, min(file.bytes.count, contextAt + 1))))
    }
    return .error(YAMLDiagnostics.syntax, problem, at: span, notes: notes, help: YAMLReader.help(for: problem, at: span))
  }
}

extension YAMLReader {
  /// Advice for the most common libyaml errors.
  static func help(for problem: String, at span: SourceSpan) -> String? {
    if span.text == "\t" { return "YAML indents with spaces, not tabs" }
    if problem.contains("control characters") { return "remove the control character (a NUL byte or similar) from the file" }
    if problem.contains("mapping values are not allowed") {
      return "quote a value that contains ': ', or check the indentation of the line"
    }
    if problem.contains("did not find expected key") { return "check the indentation: keys of one mapping line up" }
    if problem.contains("did not find expected node content") { return "a value is missing or has a stray character" }
    if problem.contains("found undefined tag handle") { return "remove the '!' or quote the value" }
    return nil
  }
}
