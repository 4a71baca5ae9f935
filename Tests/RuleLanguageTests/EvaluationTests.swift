import RuleLanguage
import SourceDiagnostics
import Testing

@Suite struct EvaluationTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let source: String
    let facts: [String: Value]
    let expected: Value
    init(_ source: String, _ expected: Value, _ facts: [String: Value] = [:]) {
      self.source = source
      self.facts = facts
      self.expected = expected
    }
    var testDescription: String { source }
  }

  static let operators: [Case] = [
    // Comparisons on integers and with parameters.
    .init("visitors <= 150", .bool(true), ["visitors": .integer(150)]),
    .init("visitors < 150", .bool(false), ["visitors": .integer(150)]),
    .init("visitors > max_visitors", .bool(true), ["visitors": .integer(180)]),
    .init("visitors >= 150", .bool(true), ["visitors": .integer(150)]),
    .init("visitors == 150", .bool(false), ["visitors": .integer(151)]),
    .init("visitors = 151", .bool(true), ["visitors": .integer(151)]),
    .init("visitors != 150", .bool(true), ["visitors": .integer(151)]),
    .init("150 >= visitors", .bool(true), ["visitors": .integer(150)]),
    // Logic, with synonyms.
    .init("visitors > 10 && visitors < 20", .bool(true), ["visitors": .integer(15)]),
    .init("visitors < 10 || visitors > 20", .bool(false), ["visitors": .integer(15)]),
    .init("!(visitors > 10)", .bool(false), ["visitors": .integer(15)]),
    .init("not road_closure or road_type == woonstraat", .bool(true), ["road_closure": .bool(true), "road_type": .enumCase("woonstraat")]),
    .init("not road_closure or road_type == woonstraat", .bool(false), ["road_closure": .bool(true), "road_type": .enumCase("doorgaande_weg")]),
    // Arithmetic and decimals.
    .init("1 + 2 * 3", .integer(7)),
    .init("(1 + 2) * 3", .integer(9)),
    .init("7 - 10", .integer(-3)),
    .init("-visitors + 5", .integer(-5), ["visitors": .integer(10)]),
    .init("7 / 2", .dec("3.5")),
    .init("1 / 3", .dec("0.333333")),
    .init("0.1 + 0.2 == 0.3", .bool(true)),
    .init("0.1 + 0.2", .dec("0.3")),
    .init("1.5 * 1.5", .dec("2.25")),
    .init("visitors > 149.5", .bool(true), ["visitors": .integer(150)]),
    .init("ratio <= 2", .bool(true), ["ratio": .dec("1.999999")]),
    // Membership and between.
    .init("activity in [straatfeest, buurtbarbecue]", .bool(true), ["activity": .enumCase("buurtbarbecue")]),
    .init("activity in [straatfeest, buurtbarbecue]", .bool(false), ["activity": .enumCase("markt")]),
    .init("activity not in [straatfeest]", .bool(true), ["activity": .enumCase("markt")]),
    .init("markt in activities", .bool(true), ["activities": .list([.enumCase("straatfeest"), .enumCase("markt")])]),
    .init("visitors in [1, 2, 3]", .bool(false), ["visitors": .integer(4)]),
    .init("objects_m2 between 10 m2 and 25 m2", .bool(true), ["objects_m2": .quantity(FixedDecimal(25), .squareMetre)]),
    .init("objects_m2 between 10 m2 and 25 m2", .bool(false), ["objects_m2": .quantity(FixedDecimal(scaled: 25_000_001), .squareMetre)]),
    .init("depth_cm between 10 and 50", .bool(true), ["depth_cm": .integer(10)]),
    // Times, including past midnight.
    .init("end <= 23:00", .bool(true), ["end": .time(23, 0)]),
    .init("end <= 23:00", .bool(false), ["end": .time(25, 0)]),
    .init("end <= 24:00", .bool(true), ["end": .time(24, 0)]),
    .init("end <= next_day(01:00)", .bool(true), ["end": .time(25, 0)]),
    .init("end <= quiet_from", .bool(false), ["end": .time(23, 30)]),
    .init("start + 2 uur", .time(22, 0), ["start": .time(20, 0)]),
    .init("end - start", .duration(330), ["start": .time(20, 0), "end": .time(25, 30)]),
    .init("duration_between(22:00, 01:00)", .duration(180)),
    .init("duration_between(09:00, 17:30)", .duration(510)),
    .init("hours(duration_between(22:00, 01:30))", .dec("3.5")),
    .init("end - start <= 4 hours", .bool(false), ["start": .time(20, 0), "end": .time(24, 30)]),
    .init("if end > start then end - start else end - start + 24 uur", .duration(120), ["start": .time(23, 0), "end": .time(1, 0)]),
    // Durations and dates.
    .init("8 weken == 56 dagen", .bool(true)),
    .init("2 uur + 30 minuten", .duration(150)),
    .init("1.5 hours", .duration(90)),
    .init("date + 3 days", .day(2026, 7, 7), ["date": .day(2026, 7, 4)]),
    // Koningsdag (Monday 27 April 2026) and Bevrijdingsdag (Tuesday 5 May) are skipped.
    .init("date + 10 werkdagen", .day(2026, 5, 11), ["date": .day(2026, 4, 23)]),
    .init("date + 10 working days", .day(2026, 5, 11), ["date": .day(2026, 4, 23)]),
    .init("date >= 2026-07-04", .bool(true), ["date": .day(2026, 7, 4)]),
    .init("weekday(2026-07-04)", .integer(6)),
    .init("day_of_month(2026-05-04)", .integer(4)),
    .init("month(2026-05-04) == 5 and day_of_month(2026-05-04) == 4", .bool(true)),
    .init("days_between(2026-01-01, 2026-12-31)", .integer(364)),
    .init("working_days_between(2026-04-24, 2026-04-28)", .workingDays(1)),
    .init("add_working_days(2026-04-24, 2)", .day(2026, 4, 29)),
    .init("is_public_holiday(2026-05-05)", .bool(true)),
    .init("is_working_day(2026-05-14)", .bool(false)),
    // Money and quantities.
    .init("€2500 + EUR 1250.50", .money(375_050)),
    .init("fee <= € 2500", .bool(true), ["fee": .money(250_000)]),
    .init("fee * 1.21", .money(302_500), ["fee": .money(250_000)]),
    .init("€ 10 / 3", .money(333)),
    .init("€ 100 / € 40", .dec("2.5")),
    .init("objects_m2 + 2.5 m2", .quantity(FixedDecimal(scaled: 12_500_000), .squareMetre), ["objects_m2": .quantity(FixedDecimal(10), .squareMetre)]),
    .init("objects_m2 * 2 > 25 m2", .bool(false), ["objects_m2": .quantity(FixedDecimal(12), .squareMetre)]),
    // Text and builtins.
    .init("name == 'Buurtfeest'", .bool(true), ["name": .text("Buurtfeest")]),
    .init("length('café')", .integer(4)),
    .init("count([1, 2, 3])", .integer(3)),
    .init("[1, 2, 3].count()", .integer(3)),
    .init("contains(activities, markt)", .bool(false), ["activities": .list([.enumCase("straatfeest")])]),
    .init("min(3, 1.5, 2)", .dec("1.5")),
    .init("max(visitors, 10)", .integer(12), ["visitors": .integer(12)]),
    .init("abs(-5)", .integer(5)),
    .init("round(2.5)", .integer(3)),
    .init("round(-2.5)", .integer(-3)),
    .init("round(1.23456, 2)", .dec("1.23")),
    .init("any([false, visitors > 3])", .bool(true), ["visitors": .integer(4)]),
    .init("all([true, visitors > 3])", .bool(false), ["visitors": .integer(2)]),
    .init("any(activities, a -> a == markt)", .bool(true), ["activities": .list([.enumCase("straatfeest"), .enumCase("markt")])]),
    .init("all([1, 2, 3], x -> x > 1)", .bool(false)),
    .init("all([1, 2, 3], x -> x > 0 and any([4, 5], y -> y > x))", .bool(true)),
    .init("if visitors > 100 then 'groot' else 'klein'", .text("klein"), ["visitors": .integer(100)]),
  ]

  @Test(arguments: operators)
  func evaluates(_ c: Case) {
    #expect(Fixtures.evaluate(c.source, c.facts) == c.expected)
  }

  static let unknowns: [Case] = [
    .init("visitors <= 150", .unknown),
    .init("visitors + 1 > 3", .unknown),
    .init("activity in [markt]", .unknown),
    .init("visitors between 1 and 3", .unknown),
    .init("weekday(date) == 1", .unknown),
    .init("false and visitors > 3", .bool(false)),
    .init("visitors > 3 and false", .bool(false)),
    .init("true or visitors > 3", .bool(true)),
    .init("visitors > 3 or true", .bool(true)),
    .init("true and visitors > 3", .unknown),
    .init("false or visitors > 3", .unknown),
    .init("not (visitors > 3)", .unknown),
    .init("visitors between 1 and 3", .bool(false), ["visitors": .integer(0)]),
    .init("if music then 1 else 1", .integer(1)),
    .init("if music then 1 else 2", .unknown),
    .init("any([visitors > 3, true])", .bool(true)),
    .init("all([visitors > 3, true])", .unknown),
    .init("visitors / 0 > 1", .unknown, ["visitors": .integer(3)]),
  ]

  @Test(arguments: unknowns)
  func missingFactsAreUnknown(_ c: Case) {
    #expect(Fixtures.evaluate(c.source, c.facts) == c.expected)
  }

  static let truths: [Value] = [.bool(true), .bool(false), .unknown]

  /// Kleene's tables, checked exhaustively against `Truth`'s operators.
  @Test(arguments: truths, truths)
  func kleeneTables(_ a: Value, _ b: Value) {
    let facts: [String: Value] = ["road_closure": a, "music": b]
    #expect(Fixtures.evaluate("road_closure and music", facts) == (a.truth && b.truth).value)
    #expect(Fixtures.evaluate("road_closure or music", facts) == (a.truth || b.truth).value)
    #expect(Fixtures.evaluate("not road_closure", facts) == (!a.truth).value)
    let expectedAnd: Truth = a == .bool(false) || b == .bool(false) ? .false : (a == .bool(true) && b == .bool(true) ? .true : .unknown)
    #expect((a.truth && b.truth) == expectedAnd)
  }

  @Test func definitionsEvaluateOncePerVector() {
    var env = Fixtures.environment()
    env.declareDefinition("public_event", source: EmbeddedSource(standalone: "road_closure or visitors > 50"))
    env.declareDefinition("large_public_event", source: EmbeddedSource(standalone: "public_event and visitors > 100"))
    #expect(env.checkDefinitions().isEmpty)
    let (checked, diagnostics) = env.checkCondition(EmbeddedSource(standalone: "public_event and not large_public_event"))
    #expect(diagnostics.isEmpty)
    let program = Compiler.compile(checked!, in: env)
    var facts = FactVector(count: env.facts.count)
    facts[env.factSlot(named: "visitors")!] = .integer(80)
    #expect(program.evaluateTruth(facts) == .true)
    facts[env.factSlot(named: "visitors")!] = .integer(180)
    #expect(program.evaluateTruth(facts) == .false)
    facts[env.factSlot(named: "visitors")!] = .unknown
    facts[env.factSlot(named: "road_closure")!] = .bool(true)
    #expect(program.evaluateTruth(facts) == .unknown)
  }

  @Test func traceRecordsEveryEvaluatedNode() throws {
    var env = Fixtures.environment()
    let (checked, _) = env.checkCondition(EmbeddedSource(standalone: "visitors <= 150 and end <= 23:00"))
    let expr = try #require(checked)
    let program = Compiler.compile(expr, in: env)
    var facts = FactVector(count: env.facts.count)
    facts[env.factSlot(named: "visitors")!] = .integer(180)
    var trace = EvalTrace()
    #expect(program.evaluate(facts, recording: &trace) == .bool(false))
    guard case .and(let left, let right) = expr.kind, case .comparison(_, let fact, _) = left.kind else {
      Issue.record("unexpected shape")
      return
    }
    #expect(trace[expr.id] == .bool(false))
    #expect(trace[left.id] == .bool(false))
    #expect(trace[fact.id] == .integer(180))
    #expect(left.printed == "visitors <= 150")
    #expect(trace[right.id] == nil)  // short-circuited
  }

  @Test func programsAreSharedAcrossTasks() async throws {
    var env = Fixtures.environment()
    let checked = try #require(env.checkCondition(EmbeddedSource(standalone: "visitors <= 150")).0)
    let program = Compiler.compile(checked, in: env)
    let results = await withTaskGroup(of: Truth.self) { group in
      for n in [100, 200] {
        group.addTask { program.evaluateTruth(FactVector([.integer(Int64(n))])) }
      }
      return await group.reduce(into: [Truth]()) { $0.append($1) }
    }
    #expect(Set(results) == [.true, .false])
  }

  static let descriptions: [(Value, String)] = [
    (.time(23, 0), "23:00"), (.time(25, 0), "next_day(01:00)"), (.day(2026, 7, 4), "2026-07-04"),
    (.money(250_000), "EUR 2500.00"), (.money(125_050), "EUR 1250.50"), (.quantity(FixedDecimal(25), .squareMetre), "25 m2"),
    (.bool(true), "true"), (.unknown, "unknown"), (.duration(10080 * 8), "8 weken"), (.duration(90), "90 minuten"),
    (.workingDays(10), "10 werkdagen"), (.dec("1.5"), "1.5"), (.text("it's"), "'it\\'s'"), (.enumCase("markt"), "markt"),
  ]

  @Test(arguments: descriptions)
  func valueDescriptions(_ value: Value, _ expected: String) {
    #expect(value.description == expected)
  }
}
