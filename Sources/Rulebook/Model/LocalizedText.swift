/// Text in the languages of a rulebook: Dutch first, English too.
public struct LocalizedText: Sendable, Hashable {
  /// Text by language code (`nl`, `en`).
  public var texts: [String: String]

  public init(_ texts: [String: String] = [:]) {
    self.texts = texts
  }

  /// The text in `language`, else Dutch, else any.
  public func text(_ language: String) -> String {
    texts[language] ?? texts["nl"] ?? texts.values.sorted().first ?? ""
  }

  /// Whether no language has text.
  public var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }
}
