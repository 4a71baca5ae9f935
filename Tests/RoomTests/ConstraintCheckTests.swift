import Engine
import RuleLanguage
import Testing
@testable import Room

/// A candidate is checked only against the constraints that read the facts it changes; that
/// must give what checking every constraint gives, for single facts and pairs, whether the
/// initiative as it is meets the constraints or not.
@Suite struct ConstraintCheckTests {
  @Test(arguments: exampleEvaluations.map(\.path))
  func changedFactsGiveWhatEveryConstraintGives(_ path: String) {
    for evaluation in exampleEvaluations.filter({ $0.path == path }).map(\.evaluation) {
      check(RoomContext(evaluation: evaluation))
      // The same initiative with music ending after the event: `music-within-event` is not met.
      var facts = evaluation.facts
      let rulebook = evaluation.rulebook
      if let music = rulebook.slotsByName["amplified_music"], let musicEnd = rulebook.slotsByName["music_end"],
        let end = rulebook.slotsByName["end"]
      {
        facts[music] = .bool(true)
        facts[end] = .time(TimeOfDay(minutes: 20 * 60))
        facts[musicEnd] = .time(TimeOfDay(minutes: 23 * 60))
        let unmet = RoomContext(initiative: evaluation.initiative, facts: facts, rulebook: rulebook, asOf: evaluation.asOf)
        #expect(!unmet.unmetAtBaseline.isEmpty, "\(path): the changed initiative should not meet its constraints")
        check(unmet)
      }
    }
  }

  /// Every candidate value of every adjustable fact, alone and with every other one.
  func check(_ original: RoomContext) {
    var context = original
    let slots = context.facts.values.indices.filter { context.index.adjustable[$0] || context.index.constraintsReading[$0].count > 0 }
    let values = slots.map { slot in context.index.candidates[slot] + [context.facts[slot]] }
    var facts = context.facts
    for (i, a) in slots.enumerated() {
      for x in values[i] {
        context.set(a, x, in: &facts)
        #expect(context.meetsConstraints(facts, changed: [a]) == context.meetsConstraints(facts))
        for (j, b) in slots.enumerated() where j > i {
          for y in values[j].prefix(3) {
            context.set(b, y, in: &facts)
            #expect(context.meetsConstraints(facts, changed: [a, b]) == context.meetsConstraints(facts))
          }
          context.restore(b, from: context.facts, in: &facts)
        }
      }
      context.restore(a, from: context.facts, in: &facts)
    }
  }
}
