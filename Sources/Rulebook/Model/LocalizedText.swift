/// Text in the languages of a rulebook: Dutch first, English too.
public struct LocalizedText: Sendable, Hashable {
  /// Text by language code (`nl`, `en`).
  public var texts: [String: String] {
    didSet { (dutch, english) = (texts["nl"], texts["en"]) }
  }
  /// The Dutch and English texts, read on every answer: kept apart, so that reading them takes
  /// no hashing and no lookup in the table.
  private var dutch: String?
  private var english: String?

  public init(_ texts: [String: String] = [:]) {
    self.texts = texts
    (dutch, english) = (texts["nl"], texts["en"])
  }

  /// The text in `language`, else Dutch, else any.
  public func text(_ language: String) -> String {
    if language == "en", let english { return english }
    if language == "nl" || language == "en" || texts[language] == nil {
      return dutch ?? texts.values.sorted().first ?? ""
    }
    return texts[language]!
  }

  /// Whether no language has text.
  public var isEmpty: Bool { texts.values.allSatisfy(\.isEmpty) }
}
