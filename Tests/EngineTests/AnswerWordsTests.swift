@testable import Reports
import Testing

/// Each language of the answers speaks only that language: no message of the Dutch catalogs
/// holds a tell-tale English word, and no message of the English ones a Dutch word.
@Suite struct AnswerWordsTests {
  static let english = [
    "the", "and", "or", "required", "needed", "is needed", "verdict", "you", "with", "not", "by", "if", "answer", "rule", "rules",
    "apply", "limit", "before", "after", "still",
  ]
  static let dutch = [
    "de", "het", "een", "en", "niet", "nodig", "met", "voor", "van", "door", "als", "nog", "dan", "regel", "regels", "oordeel",
    "toepassing", "gemeente", "u",
  ]

  @Test func dutchSpeaksNoEnglish() {
    let messages = Self.messages(DutchAnswerWords()) + Self.messages(DutchRoomWords())
    for message in messages {
      for word in Self.english where Self.holds(message, word) { Issue.record("'\(word)' in the Dutch \"\(message)\"") }
    }
  }

  @Test func englishSpeaksNoDutch() {
    let messages = Self.messages(EnglishAnswerWords()) + Self.messages(EnglishRoomWords())
    for message in messages {
      for word in Self.dutch where Self.holds(message, word) { Issue.record("'\(word)' in the English \"\(message)\"") }
    }
  }

  /// An English authority keeps its Dutch name once, in parentheses, and speaks English around it.
  @Test func englishAuthoritiesNameTheDutchTermOnlyInParentheses() {
    let words = EnglishRoomWords()
    for who in EnglishRoomWords.authorities.keys {
      for name in [words.authority(who), words.authorityName(who)] {
        #expect(who.contains("(") || name.contains("(\(who))"), "\"\(name)\" does not name '\(who)'")
        let english = name.replacingOccurrences(of: "(\(who))", with: "")
        for word in Self.dutch where Self.holds(english, word) { Issue.record("'\(word)' in the English \"\(name)\"") }
      }
    }
  }

  @Test func theLanguageCodePicksTheCatalog() {
    #expect(Explanations(language: "en").words is EnglishAnswerWords)
    #expect(Explanations(language: "en").roomWords is EnglishRoomWords)
    for code in ["nl", "fy", ""] {
      #expect(Explanations(language: code).words is DutchAnswerWords)
      #expect(Explanations(language: code).roomWords is DutchRoomWords)
    }
  }

  /// Whether `word` (or a phrase of words) stands in `text` as whole words, in any case.
  static func holds(_ text: String, _ word: String) -> Bool {
    let words = text.lowercased().split { !$0.isLetter }.joined(separator: " ")
    return " \(words) ".contains(" \(word) ")
  }

  /// Every message of the answer's words: the constants, and each function with sample values
  /// (numbers one and more, flags both ways).
  static func messages(_ words: any AnswerWords) -> [String] {
    constants(words) + [
      words.grantedBy("X"), words.more(1), words.more(3),
      words.mayStillApply(1, others: false, hint: false), words.mayStillApply(3, others: true, hint: true),
      words.canStillBecome("X"), words.unless("X", judgesOtherwise: "Y"), words.then("X"),
      words.setAside(by: "X"), words.notRelevant("X"), words.notApplying("X"),
      words.dependsOn("X"), words.dependsOn("X", ifApplying: "Y"),
      words.article("art. 2:25 lid 2"), words.fallback("X"),
      words.asked("X"), words.maximum("X"), words.reason("X", citation: "Y"), words.condition("X"),
      words.schemeDependsOn("X"), words.ask("X", insteadOf: "Y", conditions: words.underConditions), words.decided(by: "X"),
    ]
  }

  /// Every sentence of room to manoeuvre; the authorities the rulebooks name are checked above.
  static func messages(_ words: any RoomWords) -> [String] {
    constants(words) + [
      words.authority("X"), words.authorityName("X"),
      words.change("X", to: "Y", from: "Z"), words.with("X", verdict: "Y"), words.noLongerNeeded("X"), words.thenNeeded("X"),
      words.stillDependsOn("X"), words.exemption(by: "X"), words.hardship("X"), words.experiment("X"),
      words.policyDeviation("X", by: "Y"), words.applyBy("X", inAdvance: "Y"),
      words.assesses("X", "Y", presuming: "Z"), words.assesses("X", "Y", given: "Z"),
      words.days(1, words.before), words.days(3, words.after),
      words.atLimit("X", value: "Y", limit: "Z", crossing: "W", consequence: "V"),
      words.near("X", value: "Y", distance: "Z", limit: "W", crossing: "V", consequence: "Q"),
      words.verdictBecomes("V"), words.alsoNeeded("N"), words.atMost("1"), words.orMore("2"), words.range("3", "4"),
      words.answerDecides("X", "Y"), words.due("X", by: "Y", period: "Z", before: "W"),
      words.stillPossible(1), words.stillPossible(3), words.afterChanging("X"),
    ]
  }

  /// The constant words of a catalog, every stored property.
  static func constants(_ words: Any) -> [String] {
    Mirror(reflecting: words).children.compactMap { $0.value as? String }
  }
}
