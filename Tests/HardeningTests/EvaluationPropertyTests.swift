import Engine
import Foundation
import PropertyBased
import Reports
import Room
import Rulebook
import RuleLanguage
import Testing
import TestSupport

/// The rulebooks whose vocabularies the properties draw fact vectors from.
enum PropertyRulebooks {
  static let borne = try! RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules/borne").path).rulebook(for: "borne")!
  static let bench = try! RulebookLibrary.load(
    path: repositoryRoot().appendingPathComponent("Benchmarks/workload/rules/bench-events").path
  ).rulebooks.values.first!
  static let all: [CompiledRulebook] = [borne, bench]
}

/// A random fact vector over a rulebook: the choices are a list of numbers, so a failing case
/// shrinks towards zeros (the first case of every enumeration, small numbers).
struct Draw {
  let rulebook: CompiledRulebook
  let choices: [Int]

  /// The facts as an initiative would give them, each unknown with chance `unknownPercent`
  /// in 100, normalised as the fact binder does (defaults, next-day times).
  func facts(unknownPercent: Int) -> FactVector {
    var facts = given(unknownPercent: unknownPercent)
    FactBinder.normalise(&facts, rulebook: rulebook)
    return facts
  }

  /// The facts as written, before normalising.
  func given(unknownPercent: Int) -> FactVector {
    var position = 0
    var facts = FactSampler(rulebook: rulebook).vector(unknownPercent: unknownPercent) { bound in
      defer { position += 1 }
      return bound <= 1 ? 0 : choices[position % choices.count] % bound
    }
    facts[rulebook.dateSlot] = .date(Self.day)
    return facts
  }

  static let day = CalendarDay(year: 2026, month: 7, day: 4)!
  var initiative: Initiative { Initiative(id: "property", municipality: rulebook.id, date: Self.day) }

  func evaluate(_ facts: FactVector) -> Evaluation {
    Evaluator(rulebook: rulebook).evaluate(initiative, facts: facts)
  }
}

let choices = Gen.int(in: 0...1_000_000).array(of: 64...256)

@Suite struct EvaluationPropertyTests {
  @Test(arguments: PropertyRulebooks.all.indices)
  func evaluationIsDeterministic(_ book: Int) async {
    await propertyCheck(count: 60, input: choices, Gen.int(in: 0...100)) { choices, unknown in
      let draw = Draw(rulebook: PropertyRulebooks.all[book], choices: choices)
      let facts = draw.facts(unknownPercent: unknown)
      let a = draw.evaluate(facts)
      let b = draw.evaluate(facts)
      #expect(a.verdict == b.verdict)
      #expect(a.findings.map(\.status) == b.findings.map(\.status))
      let json = EvaluationJSONRenderer(language: "nl")
      #expect(json.render(a).serialized() == json.render(b).serialized())
    }
  }

  @Test(arguments: PropertyRulebooks.all.indices)
  func everyFactKnownGivesADeterminedVerdictAndNoUnknownTruth(_ book: Int) async {
    await propertyCheck(count: 100, input: choices) { choices in
      let draw = Draw(rulebook: PropertyRulebooks.all[book], choices: choices)
      let facts = draw.facts(unknownPercent: 0)
      let evaluation = draw.evaluate(facts)
      #expect(evaluation.verdict.determined, "undetermined with every fact known: \(facts.values)")
      let epoch = draw.rulebook.epoch(on: Draw.day)
      for compiled in epoch.rules {
        let scope = compiled.scope?.evaluateTruth(facts) ?? .true
        let condition = compiled.condition?.evaluateTruth(facts) ?? .true
        #expect(scope != .unknown && condition != .unknown, "rule '\(compiled.rule.id)' is unknown with every fact known")
      }
    }
  }

  @Test(arguments: PropertyRulebooks.all.indices)
  func addingAFactKeepsADeterminedVerdict(_ book: Int) async {
    await propertyCheck(count: 100, input: choices, Gen.int(in: 0...100)) { choices, unknown in
      let draw = Draw(rulebook: PropertyRulebooks.all[book], choices: choices)
      var facts = draw.facts(unknownPercent: unknown)
      let before = draw.evaluate(facts).verdict
      guard before.determined else { return }
      let full = draw.facts(unknownPercent: 0)
      for slot in facts.values.indices where facts[slot].isUnknown {
        facts[slot] = full[slot]
        let after = draw.evaluate(facts).verdict
        #expect(after.determined, "knowing '\(draw.rulebook.facts[slot].name)' made the verdict undetermined")
        #expect(after.level == before.level)
      }
    }
  }

  @Test(arguments: PropertyRulebooks.all.indices)
  func everyAdjustmentGivesTheVerdictItClaims(_ book: Int) async {
    await propertyCheck(count: 8, input: choices, Gen.int(in: 0...30)) { choices, unknown in
      Self.checkAdjustments(book: book, choices: choices, unknown: unknown)
    }
  }

  /// A case the property once failed on: a music end written equal to the event's end must not
  /// be moved along when the room search changes the end (the resident wrote it).
  @Test func adjustmentKeepsAWrittenValueThatEqualsItsDefault() {
    let choices = [0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 0, 4] + Array(repeating: 0, count: 37)
    let book = PropertyRulebooks.all.firstIndex { $0.id == "bench-events" } ?? 1
    Self.checkAdjustments(book: book, choices: choices, unknown: 1)
  }

  static func checkAdjustments(book: Int, choices: [Int], unknown: Int) {
    do {
      let draw = Draw(rulebook: PropertyRulebooks.all[book], choices: choices)
      let given = draw.given(unknownPercent: unknown)
      // The initiative says which facts the resident wrote, so that the room search lets
      // defaults follow only where the resident left a fact out, as the binder does.
      var evaluation = draw.evaluate(draw.facts(unknownPercent: unknown))
      evaluation.initiative.facts = given.values.indices.compactMap { slot in
        let name = draw.rulebook.facts[slot].name
        return given[slot].isUnknown || name == "date" ? nil : RawFact(name: name, text: given[slot].description)
      }
      let room = RoomAnalyzer().analyze(evaluation)
      for adjustment in room.adjustments {
        // The resident changes the facts they wrote; defaults follow as the binder applies them.
        var facts = given
        for change in adjustment.changes {
          guard let slot = draw.rulebook.slotsByName[change.fact] else {
            Issue.record("adjustment names unknown fact '\(change.fact)'")
            continue
          }
          #expect(evaluation.facts[slot] == change.from)
          facts[slot] = change.to
        }
        FactBinder.normalise(&facts, rulebook: draw.rulebook)
        // The verdict every answer shows: with the levels its completions reach.
        let after = draw.evaluate(facts).withExactOutcomes().verdict
        let claimed = adjustment.verdictAfter
        #expect(after.level == claimed.level, "\(adjustment.changes)")
        #expect(after.determined == claimed.determined, "\(adjustment.changes)")
        #expect(after.required.map(\.rule) == claimed.required, "\(adjustment.changes)")
      }
    }
  }

  @Test(arguments: PropertyRulebooks.all.indices)
  func renderingsAgreeOnTheVerdict(_ book: Int) async {
    await propertyCheck(count: 40, input: choices, Gen.int(in: 0...100), Gen.int(in: 0...1)) { choices, unknown, english in
      let language = english == 1 ? "en" : "nl"
      let draw = Draw(rulebook: PropertyRulebooks.all[book], choices: choices)
      let evaluation = draw.evaluate(draw.facts(unknownPercent: unknown)).withExactOutcomes()
      let room = RoomAnalyzer().analyze(evaluation)
      let level = evaluation.verdict.level
      let json = EvaluationJSONRenderer(language: language).render(evaluation, room: room).serialized()
      let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      let verdict = object?["verdict"] as? [String: Any]
      #expect(verdict?["level"] as? String == level.rawValue)
      #expect(verdict?["determined"] as? Bool == evaluation.verdict.determined)
      let en = language == "en"
      let text = EvaluationTextRenderer(language: language).render(evaluation, room: room)
      let markdown = EvaluationMarkdownRenderer(language: language).render(evaluation, room: room)
      if evaluation.verdict.determined {
        #expect(renderedLevel(text, after: en ? "Verdict: " : "Oordeel: ", language) == level)
        #expect(renderedLevel(markdown, after: en ? "**Verdict**: " : "**Oordeel**: ", language) == level)
      } else {
        // An open verdict names the levels still possible, and only those.
        let headline = Explanations(language: language).verdictHeadline(evaluation.verdict)
        #expect(text.contains((en ? "Verdict: " : "Oordeel: ") + headline))
        #expect(markdown.contains((en ? "**Verdict**: " : "**Oordeel**: ") + headline))
        #expect(verdict?["possible_levels"] as? [String] == evaluation.verdict.possibleLevels.map(\.rawValue))
      }
    }
  }

  /// The level named on the first line that starts with `prefix` (the longest label that fits).
  func renderedLevel(_ text: String, after prefix: String, _ language: String) -> VerdictLevel? {
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
    let rest = line.dropFirst(prefix.count)
    let words = Explanations(language: language)
    return VerdictLevel.allCases
      .filter { level in
        let label = words.level(level)
        return rest == label || [" ", ",", " ("].contains { rest.hasPrefix(label + $0) }
      }
      .max { words.level($0).count < words.level($1).count }
  }
}
