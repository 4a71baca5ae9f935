import YAMLTree

/// The base case of a tests file (`base:` with `date`, `municipality`, `language` and `facts`):
/// every test starts from it and states only what differs. A test's own key replaces the
/// base's; its facts replace the base's facts of the same name, one by one, and a fact set to
/// `~` in a test is unknown in that test.
public struct RuleTestBase {
  /// The keys a base case may have.
  public static let keys = ["date", "municipality", "language", "facts"]

  /// The base's pairs; empty when the file has no base.
  var pairs: [YAMLPair] = []

  /// The test item's pairs laid over the base, as one initiative document. Every node keeps
  /// its own span, so a problem in the base is reported in the base.
  func merged(into item: YAMLNode) -> YAMLNode {
    guard !pairs.isEmpty, let own = item.mapping else { return item }
    var result = pairs.filter { pair in !own.contains { $0.key.scalar == pair.key.scalar } }
    for pair in own {
      if pair.key.scalar == "facts", let baseFacts = pairs.first(where: { $0.key.scalar == "facts" })?.value {
        var facts = pair
        facts.value = Self.facts(pair.value, over: baseFacts)
        result.append(facts)
      } else {
        result.append(pair)
      }
    }
    var document = item
    document.content = .mapping(result)
    return document
  }

  /// A test's facts over the base's: the base's facts the test does not name, then the test's.
  static func facts(_ own: YAMLNode, over base: YAMLNode) -> YAMLNode {
    guard let ownPairs = own.mapping, let basePairs = base.mapping else { return own }
    let kept = basePairs.filter { pair in !ownPairs.contains { $0.key.scalar == pair.key.scalar } }
    var node = own
    node.content = .mapping(kept + ownPairs)
    return node
  }
}
