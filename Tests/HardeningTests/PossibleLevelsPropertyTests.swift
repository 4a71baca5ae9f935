import Engine
import Foundation
import PropertyBased
import Reports
@testable import Room
import Rulebook
import RuleLanguage
import SourceDiagnostics
import Testing
import TestSupport

/// The levels an open verdict names are exactly those some completion of its unknown facts
/// reaches: the case split of `PossibleLevels` against a plain enumeration of every
/// combination of candidate values, over every shipped rulebook.
@Suite struct PossibleLevelsPropertyTests {
  static let library = try! RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path)
  static let books = library.rulebooks.keys.sorted()

  /// Every combination of the candidates of `slots`, decided; nil when there are more than `limit`.
  static func bruteForce(_ context: inout RoomContext, facts: FactVector, slots: [Int], limit: Int) -> UInt8? {
    var combinations = [facts]
    for slot in slots {
      var next: [FactVector] = []
      for partial in combinations {
        let values = context.candidates.values(for: slot, current: .unknown, anchor: context.anchor(of: slot, in: partial))
        if values.isEmpty {
          next.append(partial)
          continue
        }
        for value in values {
          var completed = partial
          context.set(slot, value, in: &completed)
          next.append(completed)
        }
      }
      combinations = next
      if combinations.count > limit { return nil }
    }
    var levels: UInt8 = 0
    for completion in combinations where context.meetsConstraints(completion) {
      levels |= context.decideLevel(completion).possibleLevels
    }
    return levels
  }

  /// Pseudo-random choices from a seed (a linear congruential sequence): reproducible draws
  /// without shrinking, which a search over whole fact vectors would make slow.
  static func choices(seed: UInt64) -> [Int] {
    var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return (0..<128).map { _ in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % 1_000_000
    }
  }

  @Test(arguments: books)
  func possibleLevelsAreExactlyThoseOfTheCompletions(_ id: String) {
    let rulebook = Self.library.rulebook(for: id)!
    var compared = 0
    for seed in UInt64(0)..<60 {
      let draw = Draw(rulebook: rulebook, choices: Self.choices(seed: seed))
      let facts = draw.facts(unknownPercent: Int(seed % 13))
      var context = RoomContext(initiative: draw.initiative, facts: facts, rulebook: rulebook, asOf: Draw.day)
      var search = PossibleLevels(context: context)
      let (levels, exact) = search.run(facts)
      var unknowns = DecidingUnknowns(context: context)
      let slots = unknowns.relevantSlots(facts)
      guard let expected = Self.bruteForce(&context, facts: facts, slots: slots, limit: 1_500), expected != 0 else { continue }
      compared += 1
      // The shipped rulebooks never reach the bound, so the set is exact.
      #expect(exact, "seed \(seed)")
      #expect(levels == expected, "seed \(seed): \(levels) against \(expected)")
    }
    #expect(compared >= 10)
  }

  @Test func anOpenVerdictNeverNamesALevelNoCompletionReaches() throws {
    let engine = try RuleEngine(rulesPath: repositoryRoot().appendingPathComponent("Rules").path)
    let path = repositoryRoot().appendingPathComponent("Examples/rotterdam/kleedjesmarkt-incompleet.yaml").path
    let evaluation = try #require(engine.check(file: SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))).first?.evaluation)
    // Three-valued evaluation leaves "allowed" possible; one of two opposite rules must apply.
    #expect(evaluation.verdict.possibleLevels.contains(.allowed))
    let exact = evaluation.withExactOutcomes().verdict
    #expect(exact.possibleLevels == [.notificationRequired, .permitRequired])
    #expect(exact.level == .notificationRequired)
    #expect(!exact.determined && exact.possibleLevelsExact)
  }

  /// A judgement the initiative leaves to the mayor is presumed: the verdict is determined, and
  /// the assumption carries its article and the verdict if the mayor judges otherwise.
  @Test func aPresumedJudgementIsAStatedAssumption() throws {
    let engine = try RuleEngine(rulesPath: repositoryRoot().appendingPathComponent("Rules").path)
    let path = repositoryRoot().appendingPathComponent("Examples/borne/straatfeest-dorpsstraat.yaml").path
    let file = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
    let evaluation = try #require(engine.check(file: file).first?.evaluation).withExactOutcomes()
    #expect(evaluation.verdict.determined && evaluation.verdict.level == .notificationRequired)
    let assumption = try #require(evaluation.assumptions.first)
    #expect(evaluation.assumptions.count == 1)
    #expect(assumption.fact == "serious_nuisance" && assumption.presumed == .bool(false))
    #expect(assumption.verdictIfNot == .prohibited)
    let json = EvaluationJSONRenderer(language: "nl").render(evaluation).serialized()
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let written = try #require((object["assumptions"] as? [[String: Any]])?.first)
    #expect(written["verdict_if_not"] as? String == "prohibited")
    #expect((written["citation"] as? [String: Any])?["article"] as? String == "2:25")
    #expect((written["caveat"] as? String)?.hasPrefix("tenzij de burgemeester") == true)

    // Said by the initiative, the judgement is no assumption.
    let given = SourceFile(path: "given.yaml", text: file.text.replacingOccurrences(of: "facts:\n", with: "facts:\n  serious_nuisance: nee\n"))
    #expect(try #require(engine.check(file: given).first?.evaluation).withExactOutcomes().assumptions.isEmpty)
  }
}
