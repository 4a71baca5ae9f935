import SourceDiagnostics

/// How a scalar was written. No implicit typing happens: `no`, `08` and `2024-01-01` stay text
/// with their style until a schema decides what they are.
public enum ScalarStyle: String, Sendable, Hashable {
  case plain
  case singleQuoted = "single-quoted"
  case doubleQuoted = "double-quoted"
  case literal
  case folded

  /// Whether the scalar was quoted or a block scalar, i.e. explicitly text.
  public var isExplicitText: Bool { self != .plain }
}

/// A key and its value in a mapping.
public struct YAMLPair: Sendable {
  public var key: YAMLNode
  public var value: YAMLNode
}

/// A YAML node with the span it covers in its file.
public struct YAMLNode: Sendable {
  /// What a node holds.
  public enum Content: Sendable {
    case scalar(String, ScalarStyle)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public var content: Content
  /// An explicit tag (`!!str`), if written.
  public var tag: String?
  /// From the node's first character to just after its last.
  public var span: SourceSpan

  public init(_ content: Content, tag: String? = nil, span: SourceSpan) {
    self.content = content
    self.tag = tag
    self.span = span
  }

  /// The scalar text, if this is a scalar.
  public var scalar: String? {
    if case .scalar(let text, _) = content { return text }
    return nil
  }

  /// The scalar's style, if this is a scalar.
  public var scalarStyle: ScalarStyle? {
    if case .scalar(_, let style) = content { return style }
    return nil
  }

  /// The pairs, if this is a mapping.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = content { return pairs }
    return nil
  }

  /// The items, if this is a sequence.
  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = content { return items }
    return nil
  }

  /// The value of the first pair whose key is the scalar `key`.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar == key }?.value
  }

  /// A plain scalar `~`, `null` or an empty plain scalar: YAML's null.
  public var isNull: Bool {
    guard case .scalar(let text, .plain) = content else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// A word for the node's kind, for messages: `mapping`, `sequence` or `scalar`.
  public var kindName: String {
    switch content {
    case .scalar: "scalar"
    case .sequence: "sequence"
    case .mapping: "mapping"
    }
  }
}
