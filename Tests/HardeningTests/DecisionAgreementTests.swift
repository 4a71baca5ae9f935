import Engine
import PropertyBased
import Rulebook
import RuleLanguage
import Testing
import TestSupport

/// `decide` runs the rules it can as one flat program; the explained evaluation runs every
/// rule's own compiled program. On every shipped rulebook they must give the same truths.
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
      var facts = sampler.vector(unknownPercent: unknown) { bound in
        defer { position += 1 }
        return bound <= 1 ? 0 : choices[position % choices.count] % bound
      }
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
      var applying: [Int] = []
      var undetermined: [Int] = []
      let decision = evaluator.decide(facts, on: day, applying: &applying, undetermined: &undetermined)
      let initiative = Initiative(id: "agreement", municipality: rulebook.definition.municipality, date: day)
      #expect(decision.level == evaluator.evaluate(initiative, facts: facts, asOf: day, traces: false).verdict.level)
    }
  }
}
