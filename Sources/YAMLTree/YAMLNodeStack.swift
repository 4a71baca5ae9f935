import SourceDiagnostics

/// The finished children of all open containers, innermost last (keys and values alternate
/// for mappings). When a container closes, its children move into their array without being
/// copied, so building a node retains nothing twice.
///
/// The stack owns its memory: its one owner (the tree builder) calls `release()` at the end.
struct YAMLNodeStack {
  private var base: UnsafeMutablePointer<YAMLNode>
  private var capacity: Int
  private(set) var count = 0

  init(capacity: Int = 64) {
    base = .allocate(capacity: capacity)
    self.capacity = capacity
  }

  mutating func push(_ node: consuming YAMLNode) {
    if count == capacity {
      let larger = UnsafeMutablePointer<YAMLNode>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      (base, capacity) = (larger, capacity * 2)
    }
    (base + count).initialize(to: consume node)
    count += 1
  }

  /// The text of the scalar at `index`, if it is one.
  func scalar(at index: Int) -> String? {
    if case .scalar(let text, _) = base[index].content { return text }
    return nil
  }

  func span(at index: Int) -> SourceSpan { base[index].span }

  /// The end offset of the last node, if any is above `start`.
  func lastEnd(above start: Int) -> Int? { count > start ? base[count - 1].span.end : nil }

  /// Moves the nodes from `start` up into an array.
  mutating func popItems(from start: Int) -> [YAMLNode] {
    let moved = count - start
    guard moved > 0 else { return [] }
    let items = [YAMLNode](unsafeUninitializedCapacity: moved) { buffer, initialized in
      buffer.baseAddress!.moveInitialize(from: base + start, count: moved)
      initialized = moved
    }
    count = start
    return items
  }

  /// Moves the nodes from `start` up into key–value pairs (a trailing key without value is dropped).
  mutating func popPairs(from start: Int) -> [YAMLPair] {
    let pairCount = (count - start) / 2
    let pairs = [YAMLPair](unsafeUninitializedCapacity: pairCount) { buffer, initialized in
      for index in 0..<pairCount {
        let key = base + start + 2 * index
        (buffer.baseAddress! + index).initialize(to: YAMLPair(key: key.move(), value: (key + 1).move()))
      }
      initialized = pairCount
    }
    if start + 2 * pairCount < count { (base + start + 2 * pairCount).deinitialize(count: 1) }
    count = start
    return pairs
  }

  mutating func removeAll() {
    base.deinitialize(count: count)
    count = 0
  }

  mutating func release() {
    removeAll()
    base.deallocate()
  }
}
