@testable import Analysis
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
    let renderings = [
      (comparison.text, "compare-all.txt"), (comparison.markdown, "compare-all.md"), (comparison.html, "compare-all.html"),
      (try comparison.json() + "\n", "compare-all.json"),
    ]
    for (text, name) in renderings {
      if let mismatch = goldenMismatch(text, named: name) { Issue.record(Comment(rawValue: mismatch)) }
    }
  }

  @Test func theHTMLPageEscapesEveryTextAndLabelsItsTables() throws {
    let row = MunicipalComparison.Row(
      name: "a<b", citation: "apv \"art\" & co", model: "1",
      departures: [MunicipalComparison.Departure(kind: .added, text: "<script>"), nil], rulebooksDiffer: true)
    let comparison = MunicipalComparison(model: "model-apv", rulebooks: ["x&y", "z"], parameters: [row], definitions: [], rules: [])
    let html = comparison.html
    #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(html.contains("<caption>Parameters where a rulebook departs from model-apv</caption>"))
    #expect(html.contains("<th scope=\"col\">x&amp;y</th>"))
    #expect(html.contains("<tr><th scope=\"row\">a&lt;b *</th><td>apv &quot;art&quot; &amp; co</td><td>1</td><td>own: &lt;script&gt;</td><td>·</td></tr>"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("<h2>Rules</h2>\n<p>None departs.</p>"))
  }
}
