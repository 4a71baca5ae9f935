import Analysis
import Engine
import Foundation
import Import
import Rulebook
import RuleLanguage
import Testing
import TestSupport

/// Every imported check reaches the conclusion of its source tables, read independently
/// (`SourceTables`), on every answer combination when there are at most 4096, else on a seeded
/// sample of 2000; exactly one rule applies to each complete set of answers.
@Suite struct ImportAgreementTests {
  static let levels: [String: VerdictLevel] = [
    "Vergunningplicht": .permitRequired, "Meldingsplicht": .notificationRequired, "Toestemmingsvrij": .allowed,
    "NeemContactOpMet": .contactMunicipality, "Verbod": .prohibited,
  ]

  @Test func everyCheckIsImported() {
    #expect(ImportFixtures.imported.count == 34, "\(ImportFixtures.imported.map(\.tables.name))")
    for check in ImportFixtures.imported {
      #expect(check.rulebook != nil, "\(check.file) '\(check.tables.name)': \(check.library.diagnostics.map(\.message))")
      #expect(!check.diagnostics.contains { $0.severity == .error }, "\(check.file): \(check.diagnostics.map(\.message))")
    }
  }

  @Test(arguments: ImportFixtures.imported.indices)
  func lintsClean(_ index: Int) throws {
    let check = ImportFixtures.imported[index]
    let rulebook = try #require(check.rulebook)
    let findings = Linter().lint(check.library, rulebooks: [rulebook.id])
    #expect(findings.isEmpty, "\(check.file) '\(check.tables.name)': \(findings.map { "\($0.code): \($0.message)" })")
  }

  @Test(arguments: ImportFixtures.imported.indices)
  func agreesWithTheSourceTables(_ index: Int) throws {
    let check = ImportFixtures.imported[index]
    let rulebook = try #require(check.rulebook)
    let questions = check.tables.readQuestions
    // The fact of each question, found by its question text and priority (a permit can ask the
    // same text twice); each answer by its option text.
    var slots: [Int] = []
    for question in questions {
      let fact = rulebook.facts.firstIndex { $0.question.texts["nl"] == question.text && $0.priority == question.priority }
      slots.append(try #require(fact, "no fact asks '\(question.text)'"))
    }
    let total = questions.reduce(1.0) { $0 * Double($1.answers.count) }
    let exhaustive = total <= 4096
    let count = exhaustive ? Int(total) : 2000
    var random = SplitMix(seed: UInt64(index + 1))
    let evaluator = Evaluator(rulebook: rulebook)
    let day = CalendarDay(year: 2026, month: 6, day: 1)!
    var empty = FactBinder.bind(Initiative(id: "import", date: day), to: rulebook).0
    empty[rulebook.dateSlot] = .date(day)
    var disagreements = 0
    for combination in 0..<count {
      var answers: [String: SourceTables.Answer] = [:]
      var facts = empty
      var rest = combination
      for (question, slot) in zip(questions, slots) {
        let choice = exhaustive ? rest % question.answers.count : Int.random(in: 0..<question.answers.count, using: &random)
        rest /= question.answers.count
        let answer = question.answers[choice]
        answers[question.id] = answer
        facts[slot] = try value(answer, slot: slot, rulebook: rulebook)
      }
      let conclusion = check.tables.conclusion(answers: answers)
      let expected = conclusion.map { try? #require(Self.levels[$0]) } ?? .contactMunicipality
      let decided = evaluator.decideWithRules(facts, on: day)
      let decision = decided.decision
      let rules = decided.applying.map { rulebook.epoch(on: day).rules[$0].rule.id }
      let agrees = decision.determined && decision.level == expected && rules.count == 1
        && (conclusion != nil || rules == ["geen-conclusie"])
      if !agrees {
        disagreements += 1
        if disagreements <= 3 {
          Issue.record("\(check.file) '\(check.tables.name)': \(answers) → source \(conclusion ?? "none"), engine \(decision.level) \(rules)")
        }
      }
    }
    print("import agreement: \(check.file) '\(check.tables.name)': \(count) of \(Int(total)) combinations\(exhaustive ? " (all)" : " (seeded sample)"), \(disagreements) disagreements")
  }

  func value(_ answer: SourceTables.Answer, slot: Int, rulebook: CompiledRulebook) throws -> Value {
    switch answer {
    case .bool(let flag): return .bool(flag)
    case .text(let text):
      let labels = rulebook.facts[slot].valueLabels
      let name = try #require(labels.first { $0.value.texts["nl"] == text }?.key, "no value for '\(text)'")
      return .enumCase(name)
    }
  }
}
