import CYAML
import SourceDiagnostics

/// Builds positioned nodes from libyaml events without recursion, enforcing the limits.
struct YAMLTreeBuilder {
  private struct Frame {
    var isMapping: Bool
    var start: Int
    var tag: String?
    var anchor: String?
    /// Where this container's children start in the shared `children` stack.
    var firstChild: Int
    /// For a mapping: whether the next child is a key.
    var expectsKey = true
    var skipValue = false
    var firstKeys: [String: SourceSpan] = [:]
    var weight = 1
  }

  let file: SourceFile
  let limits: YAMLLimits
  private var stack: [Frame] = []
  /// The finished children of all open containers, innermost last (keys and values alternate
  /// for mappings), so each container allocates its array once, when it closes.
  private var children: [YAMLNode] = []
  private var root: YAMLNode?
  private var documentStart = 0
  private var nodeCount = 0
  private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
  private var diagnostics: [Diagnostic] = []
  private(set) var fatal = false

  init(file: SourceFile, limits: YAMLLimits) {
    self.file = file
    self.limits = limits
  }

  mutating func takeDiagnostics() -> [Diagnostic] {
    defer { diagnostics = [] }
    return diagnostics
  }

  mutating func startDocument(at offset: Int) {
    stack = []
    children = []
    root = nil
    nodeCount = 0
    anchors = [:]
    documentStart = offset
  }

  mutating func endDocument() -> YAMLDocument {
    YAMLDocument(root: root, start: file.span(documentStart, documentStart))
  }

  mutating func handle(_ event: yaml_event_t, offsets: (start: Int, end: Int)) {
    switch event.type {
    case YAML_SCALAR_EVENT:
      scalar(event.data.scalar, offsets: offsets)
    case YAML_SEQUENCE_START_EVENT:
      open(isMapping: false, tag: string(event.data.sequence_start.tag), anchor: string(event.data.sequence_start.anchor), at: offsets)
    case YAML_MAPPING_START_EVENT:
      open(isMapping: true, tag: string(event.data.mapping_start.tag), anchor: string(event.data.mapping_start.anchor), at: offsets)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      close(endOffset: offsets.end)
    case YAML_ALIAS_EVENT:
      alias(string(event.data.alias.anchor) ?? "", at: offsets)
    default:
      break
    }
  }

  private mutating func scalar(_ data: yaml_event_t.__Unnamed_union_data.__Unnamed_struct_scalar, offsets: (start: Int, end: Int)) {
    let span = file.span(offsets.start, offsets.end)
    guard data.length <= limits.maxScalarBytes else {
      return stop(
        .error(
          YAMLDiagnostics.scalarTooLong, "scalar is \(data.length) bytes, more than the limit of \(limits.maxScalarBytes)",
          at: file.span(offsets.start, offsets.start + 1), help: "shorten the value"))
    }
    let text = data.value.map {
      String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
    } ?? ""
    let node = YAMLNode(.scalar(text, style(data.style)), tag: string(data.tag), span: span)
    attach(node, weight: 1, anchor: string(data.anchor))
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
    stack.append(Frame(isMapping: isMapping, start: offsets.start, tag: tag, anchor: anchor, firstChild: children.count))
  }

  private mutating func close(endOffset: Int) {
    guard let frame = stack.popLast() else { return }
    let mine = children[frame.firstChild...]
    let end = mine.last.map { max($0.span.end, frame.start) } ?? endOffset
    let content: YAMLNode.Content
    if frame.isMapping {
      var pairs: [YAMLPair] = []
      pairs.reserveCapacity(mine.count / 2)
      var index = mine.startIndex
      while index + 1 < mine.endIndex {
        pairs.append(YAMLPair(key: mine[index], value: mine[index + 1]))
        index += 2
      }
      content = .mapping(pairs)
    } else {
      content = .sequence(Array(mine))
    }
    children.removeSubrange(frame.firstChild...)
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
  private mutating func attach(_ node: YAMLNode, weight: Int, anchor: String?) {
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
      root = node
      return
    }
    stack[stack.count - 1].weight += weight
    if stack[stack.count - 1].isMapping {
      attachToMapping(node)
    } else {
      children.append(node)
    }
  }

  private mutating func attachToMapping(_ node: YAMLNode) {
    let index = stack.count - 1
    guard !stack[index].expectsKey else {
      if let text = node.scalar, let first = firstKey(text, in: stack[index]) {
        diagnostics.append(
          .error(
            YAMLDiagnostics.duplicateKey, "duplicate key '\(text)'", at: node.span,
            notes: [DiagnosticNote("first defined here", at: first)], help: "remove one of them, or merge their values"))
        stack[index].skipValue = true
      } else if let text = node.scalar, keyCount(stack[index]) >= Self.linearKeyScan {
        if stack[index].firstKeys.isEmpty {
          for key in keys(of: stack[index]) { if let name = key.scalar { stack[index].firstKeys[name] = key.span } }
        }
        stack[index].firstKeys[text] = node.span
      }
      if !stack[index].skipValue { children.append(node) }
      stack[index].expectsKey = false
      return
    }
    if stack[index].skipValue {
      stack[index].skipValue = false
    } else {
      children.append(node)
    }
    stack[index].expectsKey = true
  }

  private func keyCount(_ frame: Frame) -> Int { (children.count - frame.firstChild) / 2 }

  private func keys(of frame: Frame) -> some Sequence<YAMLNode> {
    stride(from: frame.firstChild, to: children.count, by: 2).lazy.map { children[$0] }
  }

  /// Mappings up to this size find duplicate keys by a linear scan, larger ones by a dictionary.
  private static let linearKeyScan = 16

  private func firstKey(_ text: String, in frame: Frame) -> SourceSpan? {
    if keyCount(frame) < Self.linearKeyScan {
      return keys(of: frame).first { $0.scalar == text }?.span
    }
    return frame.firstKeys[text]
  }

  private mutating func stop(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    fatal = true
  }

  private func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
  }
}
