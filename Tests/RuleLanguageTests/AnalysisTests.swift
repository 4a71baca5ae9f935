import RuleLanguage
import SourceDiagnostics
import Testing

@Suite struct AnalysisTests {
  func slot(_ name: String, _ env: Environment) -> Int { env.factSlot(named: name)! }

  @Test func thresholdsOfComparisonsBetweenAndLists() throws {
    var env = Fixtures.environment()
    env.declareDefinition("duration", source: EmbeddedSource(standalone: "end - start"))
    let source = "visitors <= max_visitors and 23:00 >= end and depth_cm between 10 and 50 "
      + "and activity in [straatfeest, markt] and duration <= 4 uur and visitors + 1 > 3"
    let (checked, diagnostics) = env.checkCondition(EmbeddedSource(standalone: source))
    #expect(diagnostics.isEmpty)
    let thresholds = env.thresholds(in: try #require(checked))
    let rows = thresholds.map { "\(env.facts[$0.slot].name) \($0.comparison.rawValue) \($0.value) \($0.exact ? "exact" : "approximate")" }
    #expect(rows == [
      "visitors <= 150 exact",
      "end <= 23:00 exact",
      "depth_cm >= 10 exact",
      "depth_cm <= 50 exact",
      "activity == straatfeest exact",
      "activity == markt exact",
      "start <= 4 uur approximate",
      "end <= 4 uur approximate",
      "visitors > 3 approximate",
    ])
    #expect(thresholds[1].span.text == "23:00 >= end")
    #expect(thresholds[0].parameter == "max_visitors")
    #expect(thresholds[2].parameter == nil)
  }

  @Test func freeFactsThroughDefinitions() throws {
    var env = Fixtures.environment()
    env.declareDefinition("public_event", source: EmbeddedSource(standalone: "road_closure or visitors > 50"))
    let (checked, _) = env.checkCondition(EmbeddedSource(standalone: "public_event and end <= 23:00"))
    let slots = env.freeFacts(of: try #require(checked))
    #expect(slots == [slot("visitors", env), slot("end", env), slot("road_closure", env)].sorted())
  }

  @Test func notInGivesNotEqualCandidates() throws {
    var env = Fixtures.environment()
    let (checked, _) = env.checkCondition(EmbeddedSource(standalone: "road_type not in [doorgaande_weg]"))
    let thresholds = env.thresholds(in: try #require(checked))
    #expect(thresholds.count == 1)
    #expect(thresholds.first?.comparison == .notEqual)
    #expect(thresholds.first?.value == .enumCase("doorgaande_weg"))
  }

  @Test func customBuiltinNeedsNoParserChange() throws {
    var env = Fixtures.environment()
    env.builtins.register(.fixed("double", [.integer], returns: .integer, summary: "twice the number") { args in
      guard case .integer(let i) = args[0] else { return .unknown }
      return .integer(i * 2)
    })
    #expect(Fixtures.evaluate("double(visitors) > 10", ["visitors": .integer(6)], env: env) == .bool(true))
  }
}
