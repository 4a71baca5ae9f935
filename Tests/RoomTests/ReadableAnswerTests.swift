import Engine
import Foundation
@testable import Reports
import Room
import Rulebook
import RuleLanguage
import Testing
import TestSupport

/// What a person reads, for every example in Dutch and English, as text and as Markdown: no
/// unfilled `{name}`, no "onbekend" pasted into a sentence, no fact name or rule id (those are for
/// `--verbose`, JSON and traces), no room item twice; and a complete example stays short.
@Suite struct ReadableAnswerTests {
  static let cases = examplePaths.flatMap { path in ["nl", "en"].map { (path, $0) } }

  /// The words of `text` outside links (URLs name pages, not facts).
  static func prose(_ text: String) -> String {
    text.replacingOccurrences(of: #"\(https?://[^)]*\)|https?://\S+"#, with: "", options: .regularExpression)
  }

  @Test(arguments: cases)
  func theAnswerReadsAsWords(_ path: String, _ language: String) throws {
    for evaluation in evaluations(path).map({ $0.withExactOutcomes() }) {
      let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
      let text = EvaluationTextRenderer(language: language).render(evaluation, room: room)
      let markdown = EvaluationMarkdownRenderer(language: language).render(evaluation, room: room)
      let rulebook = evaluation.rulebook
      for (format, output) in [("text", text), ("markdown", markdown)] {
        // The heading of the text names the initiative's id, for the advisor to find the record.
        let words = Self.prose(format == "text" ? output.split(separator: "\n").dropFirst().joined(separator: "\n") : output)
        #expect(words.range(of: #"\{[A-Za-z_][A-Za-z_0-9]*\}"#, options: .regularExpression) == nil, "\(path) \(language) \(format): a placeholder")
        // "onbekend"/"unknown" only as the label of a deciding unknown, never as a value.
        let pasted = words.replacingOccurrences(of: "Nog onbekend", with: "").replacingOccurrences(of: "Deciding unknown", with: "")
        #expect(pasted.range(of: #"\b(onbekend|unknown)\b"#, options: [.regularExpression, .caseInsensitive]) == nil, "\(path) \(language) \(format): 'unknown' in a sentence")
        // Numbers as a person writes them: no binary fractions ("0,10000000000000009").
        #expect(words.range(of: #"\d[.,]\d{4,}"#, options: .regularExpression) == nil, "\(path) \(language) \(format): a long fraction")
        for fact in rulebook.facts where fact.name.contains("_") {
          #expect(!words.contains(fact.name), "\(path) \(language) \(format): fact name '\(fact.name)'")
        }
        for rule in rulebook.epoch(on: evaluation.asOf).rules where rule.rule.id.contains("-") {
          #expect(words.range(of: "\\b\(rule.rule.id)\\b", options: .regularExpression) == nil, "\(path) \(language) \(format): rule id '\(rule.rule.id)'")
        }
      }
      // A near miss says how far the value lies from the limit, in the fact's unit, and on which side.
      for miss in room.nearMisses {
        let sentence = RoomExplanations(language: language).sentence(miss, evaluation)
        let sides = language == "en" ? ["below the", "above the", "before the", "after the", "right at the"] : ["onder de", "boven de", "voor de", "na de", "precies op de"]
        #expect(sides.contains { sentence.contains($0) }, "\(path) \(language): \(sentence)")
        if case .quantity(_, let unit) = miss.value, miss.value != miss.threshold {
          #expect(sentence.contains(ValueFormatter(language: language).format(.quantity(FixedDecimal(0), unit)).split(separator: " ").last!), "\(sentence)")
        }
      }
      let items = RoomExplanations(language: language).lines(room, in: evaluation).map { "\($0.kind):\($0.text)" }
      #expect(Set(items).count == items.count, "\(path) \(language): a room item twice")
    }
  }

  @Test func theMedianCompleteExampleFitsOnAScreen() throws {
    var lengths: [Int] = []
    for path in examplePaths {
      for evaluation in evaluations(path).map({ $0.withExactOutcomes() }) where evaluation.verdict.determined {
        let room = RoomAnalyzer().analyze(evaluation, today: fixedToday)
        lengths.append(EvaluationTextRenderer(language: "nl").render(evaluation, room: room).split(separator: "\n").count)
      }
    }
    lengths.sort()
    let median = lengths[lengths.count / 2]
    #expect(median <= 25, "lines of text per complete example: \(lengths)")
  }
}
