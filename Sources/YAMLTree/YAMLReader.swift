import CYAML
import SourceDiagnostics

/// A YAML document: its root node (nil for an empty document) and where it starts.
public struct YAMLDocument: Sendable {
  public var root: YAMLNode?
  /// Span of the document's start (its `---` or first token).
  public var start: SourceSpan
}

/// Reads YAML text into positioned nodes through libyaml's event API.
///
/// Only this module talks to libyaml. Problems in the input never throw: they come back as
/// diagnostics, and reading stops at the first error of the stream (what follows a syntax
/// error cannot be trusted).
public struct YAMLReader: Sendable {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = .default) {
    self.limits = limits
  }

  /// Reads every document of a stream.
  public func read(_ file: SourceFile) -> (documents: [YAMLDocument], diagnostics: [Diagnostic]) {
    var documents: [YAMLDocument] = []
    var stream = documentStream(file)
    while let document = stream.next() { documents.append(document) }
    return (documents, stream.diagnostics)
  }

  /// Reads a stream that should hold exactly one document (a rule file, one initiative).
  public func readSingle(_ file: SourceFile) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
    let (documents, diagnostics) = read(file)
    var all = diagnostics
    if documents.count > 1 {
      all.append(
        .error(
          YAMLDiagnostics.multipleDocuments, "expected one document, found \(documents.count)",
          at: documents[1].start, help: "split the file, or remove the extra '---'"))
    }
    return (documents.first?.root, all)
  }

  /// Documents one at a time, so a long stream is never held as nodes all at once.
  public func documentStream(_ file: SourceFile) -> YAMLDocumentStream {
    YAMLDocumentStream(file: file, limits: limits)
  }
}
