import Analysis
import Engine
import Foundation
import Rulebook
import Testing
import TestSupport

/// `bricoleur compare`: per parameter and rule, where each municipality departs from the model
/// APV and from the others, over the shipped rulebooks; golden files pin `compare --all`.
@Suite struct CompareTests {
  static let library = try! RuleEngine(rulesPath: repositoryRoot().appendingPathComponent("Rules").path).library

  @Test func bornesAndAmsterdamsSmallEventLimitsStandOutFromTheModel() throws {
    let comparison = try #require(MunicipalComparison.compare(Self.library, rulebooks: ["borne", "amsterdam"]))
    let limit = try #require(comparison.parameters.first { $0.name == "max_bezoekers_klein" })
    #expect(limit.model == "150")
    #expect(limit.departures.map { $0?.text } == ["200", "99"])
    #expect(limit.rulebooksDiffer)
    #expect(comparison.parameters.allSatisfy { $0.departures.contains { $0 != nil } }, "only rows where someone departs")
  }

  @Test func aRuleKeptByEveryoneIsNotListed() throws {
    let comparison = try #require(MunicipalComparison.compare(Self.library, rulebooks: ["borne"]))
    let ids = Set(comparison.rules.map(\.name))
    let model = try #require(Self.library.rulebooks["model-apv"]?.definition.rules.map(\.id))
    let borne = try #require(Self.library.rulebooks["borne"]?.definition)
    for id in model where !ids.contains(id) {
      #expect(borne.rules.contains { $0.id == id }, "'\(id)' is kept, so Borne has it")
    }
  }

  @Test func compareAllIsPinnedByGoldenFiles() throws {
    let comparison = try #require(MunicipalComparison.compare(Self.library, rulebooks: MunicipalComparison.municipalRulebooks(in: Self.library)))
    // Every shipped rulebook that builds on the model APV.
    let municipal = Self.library.rulebooks.values.filter { $0.chain.contains("model-apv") && $0.id != "model-apv" }
    #expect(comparison.rulebooks.count == municipal.count, "\(comparison.rulebooks)")
    #expect(comparison.rulebooks.count >= 45)
    for (text, name) in [(comparison.text, "compare-all.txt"), (comparison.markdown, "compare-all.md"), (try comparison.json() + "\n", "compare-all.json")] {
      if let mismatch = goldenMismatch(text, named: name) { Issue.record(Comment(rawValue: mismatch)) }
    }
  }
}
