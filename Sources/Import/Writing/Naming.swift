import Foundation

/// Readable identifiers from Dutch question and option texts: lowercase words without accents,
/// the little words left out, joined by `_` (`Is het gebouw een monument?` → `gebouw_monument`).
enum Naming {
  /// Words that carry no meaning in a name.
  static let stopwords: Set<String> = [
    "de", "het", "een", "en", "of", "is", "er", "u", "uw", "ik", "wij", "we", "gaat", "ga", "gaan", "wordt", "worden",
    "van", "op", "in", "aan", "te", "voor", "met", "bij", "door", "naar", "om", "tot", "uit", "over", "die", "dat", "dit",
    "deze", "wat", "welke", "hoe", "heeft", "hebt", "heb", "zijn", "was", "ook", "al", "nog",
    "zal", "zullen", "kan", "kunt", "moet", "mag", "als", "dan", "waar", "waarop", "waarin", "sprake", "betreft",
    "staat", "ligt", "komt", "doet", "plaats", "the", "a", "an", "to",
  ]
  /// Names the rule language keeps for itself.
  static let reserved: Set<String> = ["and", "or", "not", "in", "between", "if", "then", "else", "true", "false", "date"]

  /// The meaningful words of a text, lowercased and without accents.
  static func words(_ text: String) -> [String] {
    let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "nl"))
      .lowercased()
    return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
  }

  /// An identifier of at most `maxWords` meaningful words; `fallback` when the text has none.
  static func identifier(_ text: String, maxWords: Int = 4, fallback: String) -> String {
    var chosen = words(text).filter { !stopwords.contains($0) }
    if chosen.isEmpty { chosen = words(text) }
    var name = chosen.prefix(maxWords).joined(separator: "_")
    while name.count > 40, let cut = name.lastIndex(of: "_") { name = String(name[..<cut]) }
    if name.isEmpty { name = fallback }
    if let first = name.first, !first.isLetter { name = "\(fallback)_\(name)" }
    return name
  }

  /// The question itself when a text holds an introduction first: the first sentence that ends
  /// in a question mark.
  static func questionPart(_ text: String) -> String {
    guard let mark = text.firstIndex(of: "?") else { return text }
    let before = text[..<mark]
    let start = before.lastIndex { ".!:".contains($0) }.map { text.index(after: $0) } ?? text.startIndex
    let result = text[start...mark].trimmingCharacters(in: .whitespaces)
    return result.count > 3 ? result : text
  }
}

/// The names given so far in one rulebook, so that each is given once.
struct NameTable {
  private(set) var used: Set<String> = Naming.reserved

  init(used: Set<String> = Naming.reserved) {
    self.used = used
  }

  /// `base`, or `base_2`, `base_3` ... when it is taken.
  mutating func claim(_ base: String) -> String {
    var name = base
    var counter = 2
    while used.contains(name) {
      name = "\(base)_\(counter)"
      counter += 1
    }
    used.insert(name)
    return name
  }
}
