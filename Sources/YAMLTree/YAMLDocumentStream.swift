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
  private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
  private let buffer: UnsafeMutableBufferPointer<UInt8>
  private var finished = false
  private var builder: YAMLTreeBuilder

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
    let input = JSONSurrogates.rewritten(file.bytes) ?? file.bytes
    buffer = UnsafeMutableBufferPointer.allocate(capacity: max(1, input.count))
    _ = buffer.initialize(from: input)
    self.builder = YAMLTreeBuilder(file: file, bytes: UnsafePointer(buffer.baseAddress!), limits: limits)
    parser.initialize(to: yaml_parser_t())
    yaml_parser_initialize(parser)
    yaml_parser_set_input_string(parser, buffer.baseAddress, input.count)
    yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
    if file.bytes.count > limits.maxFileBytes {
      fail(
        .error(
          YAMLDiagnostics.fileTooLarge, "file is \(file.bytes.count) bytes, more than the limit of \(limits.maxFileBytes)",
          at: file.span(0, 0), help: "split it into smaller files"))
    }
  }

  deinit {
    builder.release()
    yaml_parser_delete(parser)
    parser.deallocate()
    buffer.deallocate()
  }

  /// Whether reading stopped at an error.
  public var stoppedAtError: Bool { diagnostics.hasErrors && finished }

  /// The next document, or nil at the end of the stream or after a fatal error.
  public func next() -> YAMLDocument? {
    guard !finished else { return nil }
    switch builder.readDocument(parser) {
    case .document(let document):
      diagnostics += builder.takeDiagnostics()
      return document
    case .stopped:
      diagnostics += builder.takeDiagnostics()
      finished = true
    case .streamEnd:
      finished = true
    case .syntaxError:
      fail(libyamlError())
    }
    return nil
  }

  private func fail(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    finished = true
  }

  /// libyaml's own error, with its problem, position and context.
  private func libyamlError() -> Diagnostic {
    let parser = self.parser.pointee
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let at = builder.offset(parser.problem_mark)
    let span = file.span(at, min(file.bytes.count, at + 1))
    var notes: [DiagnosticNote] = []
    let contextAt = builder.offset(parser.context_mark)
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
