import CYAML
import SourceDiagnostics

/// Builds positioned nodes from libyaml events without recursion, enforcing the limits.
struct YAMLTreeBuilder {
  private struct Frame {
    var isMapping: Bool
    var start: Int
    var tag: String?
    var anchor: String?
    /// Where this container's children start in the shared `nodes` stack.
    var firstChild: Int
    /// Where this mapping's key fingerprints start in `keyPrints`.
    var firstKeyPrint: Int
    /// For a mapping: whether the next child is a key.
    var expectsKey = true
    var skipValue = false
    /// For a large mapping: each scalar key's text and where it is in `nodes`.
    var keyTable: [String: Int] = [:]
    var weight = 1
  }

  let file: SourceFile
  let limits: YAMLLimits
  private var marks: YAMLMarks
  private var stack: [Frame] = []
  /// The finished children of all open containers, so each container allocates its array
  /// once, when it closes.
  private var nodes = YAMLNodeStack()
  /// A cheap fingerprint of each key of the open mappings (0 for a key that is not a
  /// scalar), so the duplicate-key scan compares integers, and texts only when they match.
  private var keyPrints: [UInt64] = []
  private var root: YAMLNode?
  private var documentStart = 0
  private var nodeCount = 0
  private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
  private var diagnostics: [Diagnostic] = []
  private(set) var fatal = false

  init(file: SourceFile, bytes: UnsafePointer<UInt8>, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
    self.marks = YAMLMarks(file: file, bytes: bytes)
  }

  /// Frees the node stack; the builder is not used afterwards.
  mutating func release() { nodes.release() }

  mutating func offset(_ mark: yaml_mark_t) -> Int { marks.offset(mark) }

  mutating func takeDiagnostics() -> [Diagnostic] {
    defer { diagnostics = [] }
    return diagnostics
  }

  /// How reading the events of one document ended.
  enum Outcome {
    case document(YAMLDocument)
    case streamEnd
    /// libyaml refused the input; its error is in the parser.
    case syntaxError
    /// A limit was exceeded; the diagnostic is in `diagnostics`.
    case stopped
  }

  /// Reads events up to the end of the next document.
  mutating func readDocument(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Outcome {
    var event = yaml_event_t()
    while true {
      guard yaml_parser_parse(parser, &event) == 1 else { return .syntaxError }
      defer { yaml_event_delete(&event) }
      switch event.type {
      case YAML_STREAM_END_EVENT:
        return .streamEnd
      case YAML_DOCUMENT_START_EVENT:
        startDocument(at: marks.offset(event.start_mark))
      case YAML_DOCUMENT_END_EVENT:
        defer { root = nil }
        return .document(YAMLDocument(root: root, start: file.span(documentStart, documentStart)))
      default:
        handle(&event)
        if fatal { return .stopped }
      }
    }
  }

  private mutating func startDocument(at offset: Int) {
    stack.removeAll(keepingCapacity: true)
    nodes.removeAll()
    keyPrints.removeAll(keepingCapacity: true)
    root = nil
    nodeCount = 0
    if !anchors.isEmpty { anchors = [:] }
    documentStart = offset
  }

  private mutating func handle(_ event: inout yaml_event_t) {
    let start = marks.offset(event.start_mark)
    let end = marks.offset(event.end_mark)
    switch event.type {
    case YAML_SCALAR_EVENT:
      scalar(event.data.scalar, at: (start, end))
    case YAML_SEQUENCE_START_EVENT:
      let data = event.data.sequence_start
      open(isMapping: false, tag: string(data.tag), anchor: string(data.anchor), at: (start, end))
    case YAML_MAPPING_START_EVENT:
      let data = event.data.mapping_start
      open(isMapping: true, tag: string(data.tag), anchor: string(data.anchor), at: (start, end))
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      close(endOffset: end)
    case YAML_ALIAS_EVENT:
      alias(string(event.data.alias.anchor) ?? "", at: (start, end))
    default:
      break
    }
  }

  private mutating func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, at offsets: (start: Int, end: Int)) {
    guard data.length <= limits.maxScalarBytes else {
      return stop(
        .error(
          YAMLDiagnostics.scalarTooLong, "scalar is \(data.length) bytes, more than the limit of \(limits.maxScalarBytes)",
          at: file.span(offsets.start, offsets.start + 1), help: "shorten the value"))
    }
    let bytes = UnsafeBufferPointer(start: data.value, count: data.value == nil ? 0 : data.length)
    let text = String(decoding: bytes, as: UTF8.self)
    let node = YAMLNode(.scalar(text, style(data.style)), tag: string(data.tag), span: file.span(offsets.start, offsets.end))
    attach(consume node, weight: 1, anchor: string(data.anchor), keyPrint: Self.fingerprint(bytes))
  }

  private func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: .literal
    case YAML_FOLDED_SCALAR_STYLE: .folded
    default: .plain
    }
  }

  private mutating func open(isMapping: Bool, tag: String?, anchor: String?, at offsets: (start: Int, end: Int)) {
    guard stack.count < limits.maxDepth else {
      return stop(
        .error(
          YAMLDiagnostics.tooDeep, "nesting is deeper than the limit of \(limits.maxDepth)",
          at: file.span(offsets.start, offsets.start + 1), help: "flatten the structure"))
    }
    stack.append(
      Frame(isMapping: isMapping, start: offsets.start, tag: tag, anchor: anchor, firstChild: nodes.count, firstKeyPrint: keyPrints.count))
  }

  private mutating func close(endOffset: Int) {
    guard let frame = stack.popLast() else { return }
    let end = nodes.lastEnd(above: frame.firstChild).map { max($0, frame.start) } ?? endOffset
    let content: YAMLNode.Content
    if frame.isMapping {
      content = .mapping(nodes.popPairs(from: frame.firstChild))
      keyPrints.removeSubrange(frame.firstKeyPrint...)
    } else {
      content = .sequence(nodes.popItems(from: frame.firstChild))
    }
    attach(YAMLNode(content, tag: frame.tag, span: file.span(frame.start, end)), weight: frame.weight, anchor: frame.anchor)
  }

  private mutating func alias(_ name: String, at offsets: (start: Int, end: Int)) {
    guard let target = anchors[name] else {
      return stop(
        .error(
          YAMLDiagnostics.undefinedAlias, "alias '*\(name)' refers to no anchor", at: file.span(offsets.start, offsets.end),
          help: "define '&\(name)' before using it"))
    }
    var node = target.node
    node.span = file.span(offsets.start, offsets.end)
    attach(node, weight: target.weight, anchor: nil)
  }

  /// Adds a finished node to its parent, counting its weight (an alias weighs what it stands for).
  ///
  /// `keyPrint` is the fingerprint of a scalar's text, if it was at hand.
  private mutating func attach(_ node: consuming YAMLNode, weight: Int, anchor: String?, keyPrint: UInt64? = nil) {
    nodeCount += weight
    guard nodeCount <= limits.maxNodes else {
      return stop(
        .error(
          YAMLDiagnostics.tooManyNodes,
          "document has more than \(limits.maxNodes) nodes (aliases counted as what they stand for)",
          at: file.span(node.span.start, node.span.start + 1),
          help: "an alias that expands to many nodes is refused; write the values out or split the document"))
    }
    if let anchor { anchors[anchor] = (node, weight) }
    guard !stack.isEmpty else {
      root = consume node
      return
    }
    let index = stack.count - 1
    stack[index].weight += weight
    guard stack[index].isMapping else { return nodes.push(consume node) }
    guard stack[index].expectsKey else {
      if stack[index].skipValue {
        stack[index].skipValue = false
      } else {
        nodes.push(consume node)
      }
      stack[index].expectsKey = true
      return
    }
    stack[index].expectsKey = false
    guard case .scalar(let text, _) = node.content else {
      keyPrints.append(0)
      return nodes.push(consume node)
    }
    let keyCount = keyPrints.count - stack[index].firstKeyPrint
    if keyCount >= Self.linearKeyScan, stack[index].keyTable.isEmpty {
      for position in stride(from: stack[index].firstChild, to: nodes.count, by: 2) {
        if let name = nodes.scalar(at: position) { stack[index].keyTable[name] = position }
      }
    }
    let print = keyPrint ?? Self.fingerprint(text)
    if let first = firstKey(text, print: print, in: index) {
      diagnostics.append(
        .error(
          YAMLDiagnostics.duplicateKey, "duplicate key '\(text)'", at: node.span,
          notes: [DiagnosticNote("first defined here", at: first)], help: "remove one of them, or merge their values"))
      stack[index].skipValue = true
      return
    }
    if keyCount >= Self.linearKeyScan { stack[index].keyTable[text] = nodes.count }
    keyPrints.append(print)
    nodes.push(consume node)
  }

  /// Mappings up to this size find duplicate keys by a linear scan, larger ones by a dictionary.
  private static let linearKeyScan = 32

  /// Where the scalar key `text` first appears in the mapping at `index` of the stack, if it does.
  private func firstKey(_ text: String, print: UInt64, in index: Int) -> SourceSpan? {
    let (firstChild, firstKeyPrint) = (stack[index].firstChild, stack[index].firstKeyPrint)
    if keyPrints.count - firstKeyPrint >= Self.linearKeyScan {
      return stack[index].keyTable[text].map { nodes.span(at: $0) }
    }
    for k in firstKeyPrint..<keyPrints.count where keyPrints[k] == print {
      let position = firstChild + 2 * (k - firstKeyPrint)
      if nodes.scalar(at: position) == text { return nodes.span(at: position) }
    }
    return nil
  }

  /// A fingerprint of a key's text, never 0: its length and a hash of its bytes.
  private static func fingerprint(_ text: String) -> UInt64 {
    var text = text
    return text.withUTF8 { fingerprint($0) }
  }

  private static func fingerprint(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash << 8 | UInt64(truncatingIfNeeded: bytes.count) | 1
  }

  private mutating func stop(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    fatal = true
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
