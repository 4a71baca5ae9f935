#if canImport(FoundationXML)
import FoundationXML
#endif
import Foundation
import SourceDiagnostics
import YAMLTree

/// An XML element as read: its local name, attributes, children and text, with where its start
/// tag is.
final class XMLNode {
  let name: String
  let attributes: [String: String]
  var children: [XMLNode] = []
  var text = ""
  let line: Int
  let column: Int

  init(name: String, attributes: [String: String], line: Int, column: Int) {
    self.name = name
    self.attributes = attributes
    self.line = line
    self.column = column
  }

  /// The children with this local name.
  func all(_ name: String) -> [XMLNode] { children.filter { $0.name == name } }
  /// The first child with this local name.
  func first(_ name: String) -> XMLNode? { children.first { $0.name == name } }
  /// The first element with this local name anywhere below, depth first.
  func find(_ name: String) -> XMLNode? {
    for child in children {
      if child.name == name { return child }
      if let found = child.find(name) { return found }
    }
    return nil
  }
  /// The trimmed text of the first child with this name.
  func value(_ name: String) -> String? { first(name).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } }
}

/// Reads XML into `XMLNode`s as hostile input: no DTD (so no entity declarations, no external
/// entities and no entity expansion), and the same limits as YAML on size, nesting depth and
/// number of elements. Every refusal is a diagnostic at its place.
struct XMLTreeReader {
  let limits: YAMLLimits

  func read(_ file: SourceFile) -> (XMLNode?, [Diagnostic]) {
    if file.bytes.count > limits.maxFileBytes {
      return (nil, [.error(ImportDiagnostics.limit, "file is larger than \(limits.maxFileBytes) bytes", at: file.span(0, 0))])
    }
    if let offset = Self.declaration(in: file.bytes) {
      return (nil, [.error(ImportDiagnostics.entity, "a DTD or entity declaration is refused", at: file.span(offset, offset + 9),
        help: "STTR files need no DTD; declarations can expand entities or read other files")])
    }
    let delegate = TreeBuilder(limits: limits)
    let parser = XMLParser(data: Data(file.bytes))
    parser.shouldProcessNamespaces = true
    parser.shouldResolveExternalEntities = false
    parser.shouldReportNamespacePrefixes = false
    parser.delegate = delegate
    delegate.parser = parser
    let parsed = parser.parse()
    if let problem = delegate.problem {
      return (nil, [.error(problem.code, problem.message, at: span(file, line: problem.line, column: problem.column))])
    }
    if let open = delegate.stack.last, parsed {
      return (nil, [.error(ImportDiagnostics.malformed, "element '\(open.name)' is not closed", at: span(file, line: open.line, column: open.column))])
    }
    guard parsed, let root = delegate.root else {
      let message = parser.parserError.map { "not well-formed XML: \(($0 as NSError).localizedDescription)" } ?? "not well-formed XML"
      return (nil, [.error(ImportDiagnostics.malformed, message, at: span(file, line: parser.lineNumber, column: parser.columnNumber))])
    }
    return (root, [])
  }

  func span(_ file: SourceFile, line: Int, column: Int) -> SourceSpan {
    guard line >= 1, line <= file.lineCount else { return file.span(0, 0) }
    let offset = min(file.offset(line: line, column: max(column, 1)), file.bytes.count)
    return file.span(offset, offset)
  }

  /// The offset of `<!DOCTYPE` or `<!ENTITY`, if the text has one.
  static func declaration(in bytes: [UInt8]) -> Int? {
    let markers = ["<!DOCTYPE", "<!ENTITY"].map { Array($0.utf8) }
    guard bytes.count >= 2 else { return nil }
    for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: "<") && bytes[index + 1] == UInt8(ascii: "!") {
      for marker in markers where index + marker.count <= bytes.count {
        if zip(bytes[index..<index + marker.count], marker).allSatisfy({ Self.upper($0) == $1 }) { return index }
      }
    }
    return nil
  }

  static func upper(_ byte: UInt8) -> UInt8 { byte >= 97 && byte <= 122 ? byte - 32 : byte }
}

/// The parser's delegate: builds the tree, and stops at the first limit or declaration.
final class TreeBuilder: NSObject, XMLParserDelegate {
  struct Problem {
    var code: String
    var message: String
    var line: Int
    var column: Int
  }

  let limits: YAMLLimits
  weak var parser: XMLParser?
  var root: XMLNode?
  var stack: [XMLNode] = []
  var elements = 0
  var textBytes = 0
  var problem: Problem?

  init(limits: YAMLLimits) {
    self.limits = limits
  }

  func stop(_ code: String, _ message: String) {
    guard problem == nil, let parser else { return }
    problem = Problem(code: code, message: message, line: parser.lineNumber, column: parser.columnNumber)
    parser.abortParsing()
  }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    guard problem == nil else { return }
    elements += 1
    if stack.count >= limits.maxDepth { return stop(ImportDiagnostics.limit, "elements nested deeper than \(limits.maxDepth) levels") }
    if elements > limits.maxNodes { return stop(ImportDiagnostics.limit, "more than \(limits.maxNodes) elements") }
    let node = XMLNode(name: elementName, attributes: attributes, line: parser.lineNumber, column: parser.columnNumber)
    if let parent = stack.last { parent.children.append(node) } else { root = node }
    stack.append(node)
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    guard problem == nil else { return }
    _ = stack.popLast()
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) { append(string) }

  func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { append(String(decoding: CDATABlock, as: UTF8.self)) }

  func append(_ string: String) {
    guard problem == nil else { return }
    textBytes += string.utf8.count
    if textBytes > limits.maxFileBytes { return stop(ImportDiagnostics.limit, "more than \(limits.maxFileBytes) bytes of text") }
    stack.last?.text += string
  }

  func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
    stop(ImportDiagnostics.malformed, "not well-formed XML: \((parseError as NSError).localizedDescription)")
  }

  func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
    stop(ImportDiagnostics.entity, "entity declaration '\(name)' is refused")
  }

  func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
    stop(ImportDiagnostics.entity, "external entity '\(name)' is refused")
  }

  func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
    stop(ImportDiagnostics.entity, "external entity '\(name)' is refused")
    return nil
  }
}
