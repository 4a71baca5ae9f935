/// Limits that make hostile input harmless. Each one exceeded gives a diagnostic, not a crash.
public struct YAMLLimits: Sendable, Hashable {
  /// Largest file read, in bytes (default 64 MiB).
  public var maxFileBytes: Int
  /// Deepest nesting of mappings and sequences (default 64).
  public var maxDepth: Int
  /// Most nodes in one document, counting every alias as the nodes it stands for (default 1 000 000).
  /// This is what stops an alias bomb: its expansion is counted, never performed.
  public var maxNodes: Int
  /// Longest scalar, in bytes (default 1 MiB).
  public var maxScalarBytes: Int

  public init(maxFileBytes: Int = 64 << 20, maxDepth: Int = 64, maxNodes: Int = 1_000_000, maxScalarBytes: Int = 1 << 20) {
    self.maxFileBytes = maxFileBytes
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxScalarBytes = maxScalarBytes
  }

  /// The defaults.
  public static let `default` = YAMLLimits()
}
