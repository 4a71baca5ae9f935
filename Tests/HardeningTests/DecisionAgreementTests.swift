import Engine
import PropertyBased
import Rulebook
import RuleLanguage
import Testing
import TestSupport

/// `decide` runs the rules it can as one flat program; the explained evaluation runs every
/// rule's own compiled program. On every shipped rulebook they must give the same truths, and a
/// decision read from a baseline's truths the same decision.
@Suite struct DecisionAgreementTests {
  static let rulebooks: [CompiledRulebook] = {
    let shipped = try! RulebookLibrary.load(path: repositoryRoot().appendingPathComponent("Rules").path).rulebooks.values
    return shipped.sorted { $0.id < $1.id } + [PropertyRulebooks.bench]
  }()

  @Test(arguments: rulebooks.indices)
  func flatDecisionAgreesWithEveryRulesProgram(_ book: Int) async {
    let rulebook = Self.rulebooks[book]
    let evaluator = Evaluator(rulebook: rulebook)
    await propertyCheck(count: 150, input: choices, Gen.int(in: 0...100), Gen.int(in: 0...3)) { choices, unknown, extreme in
      var position = 0
      var sampler = FactSampler(rulebook: rulebook)
      // One draw in four lets values outside the declared ranges through (overflow, extremes).
      sampler.valid = extreme != 0
      let next = { (bound: Int) -> Int in
        defer { position += 1 }
        return bound <= 1 ? 0 : choices[position % choices.count] % bound
      }
      var facts = sampler.vector(unknownPercent: unknown, next)
      let day = CalendarDay(year: 2024 + choices[0] % 4, month: 1 + choices[1] % 12, day: 1 + choices[2] % 28)!
      facts[rulebook.dateSlot] = .date(day)
      FactBinder.normalise(&facts, rulebook: rulebook)
      let epoch = rulebook.epoch(on: day)
      let expected: [UInt8] = epoch.rules.map { compiled in
        guard compiled.rule.validity.contains(day) else { return 255 }
        let scope = compiled.scope?.evaluateTruth(facts) ?? .true
        return (scope && (compiled.condition?.evaluateTruth(facts) ?? .true)).rawValue
      }
      #expect(evaluator.ruleTruths(facts, on: day) == expected, "\(facts.values)")
      let decided = evaluator.decideWithRules(facts, on: day)
      let initiative = Initiative(id: "agreement", municipality: rulebook.definition.municipality, date: day)
      #expect(decided.decision.level == evaluator.evaluate(initiative, facts: facts, asOf: day, traces: false).verdict.level)
      #expect(evaluator.decide(facts, on: day) == decided.decision)
      // The decision read from a baseline's truths is the same, with the same rule lists.
      #expect(evaluator.decideWithRules(evaluator.baseline(facts, on: day), on: day) == decided)
      // Storage kept from an earlier decision holds this decision's rules only.
      var reused = evaluator.decideWithRules(sampler.vector(unknownPercent: 50, next), on: day)
      evaluator.decide(facts, on: day, rulesInto: &reused)
      #expect(reused == decided)
    }
  }

  /// An incremental decision (only what depends on the changed facts runs again) equals a
  /// decision from scratch.
  @Test(arguments: rulebooks.indices)
  func incrementalDecisionAgreesWithAFullOne(_ book: Int) async {
    let rulebook = Self.rulebooks[book]
    let evaluator = Evaluator(rulebook: rulebook)
    await propertyCheck(count: 150, input: choices, Gen.int(in: 0...60)) { choices, unknown in
      var position = 0
      let sampler = FactSampler(rulebook: rulebook)
      let next = { (bound: Int) -> Int in
        defer { position += 1 }
        return bound <= 1 ? 0 : choices[position % choices.count] % bound
      }
      let day = Draw.day
      var facts = sampler.vector(unknownPercent: unknown, next)
      facts[rulebook.dateSlot] = .date(day)
      let baseline = evaluator.baseline(facts, on: day)
      // Change one or two facts to other values (or to unknown).
      let other = sampler.vector(unknownPercent: 20, next)
      var changed: [Int] = []
      for _ in 0..<(1 + next(2)) {
        let slot = next(rulebook.facts.count)
        guard slot != rulebook.dateSlot, !changed.contains(slot) else { continue }
        facts[slot] = other[slot]
        changed.append(slot)
      }
      let full = evaluator.decideWithRules(facts, on: day)
      let reading = changed.flatMap { slot in
        evaluator.rulebook.epoch(on: day).rules.indices.filter { index in
          let rule = evaluator.rulebook.epoch(on: day).rules[index]
          return [rule.scope, rule.condition].contains { program in
            program.map { rulebook.epoch(on: day).environment.freeFacts(of: $0.checked).contains(slot) } ?? false
          }
        }
      }
      let recompute = Array(Set(reading)).sorted()
      let incremental = evaluator.decideWithRules(facts, on: day, from: baseline, changing: changed, recompute: recompute)
      #expect(incremental == full, "changed \(changed.map { rulebook.facts[$0].name })")
      #expect(evaluator.decide(facts, on: day, from: baseline, changing: changed, recompute: recompute) == full.decision)
    }
  }
}
