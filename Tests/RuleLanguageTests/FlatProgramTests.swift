import RuleLanguage
import SourceDiagnostics
import Testing

/// The flat program must give exactly the truths of the closure compiler, for every operator it
/// holds, with unknown facts, overflow and extreme values.
@Suite struct FlatProgramTests {
  static func environment() -> Environment {
    var env = Environment()
    env.declareEnumeration("zone", cases: ["residential", "centre", "park", "industrial"])
    env.declareFact("visitors", type: .integer)
    env.declareFact("days", type: .integer)
    env.declareFact("area", type: .decimal)
    env.declareFact("music", type: .bool)
    env.declareFact("alcohol", type: .bool)
    env.declareFact("zone", type: .enumeration("zone"))
    env.declareFact("start", type: .time)
    env.declareFact("end", type: .time)
    env.declareFact("budget", type: .money)
    env.declareFact("length", type: .duration)
    env.declareFact("surface", type: .quantity(.squareMetre))
    env.declareFact("day", type: .date)
    env.declareFact("street", type: .text)
    env.declareParameter("max_visitors", value: .integer(150))
    env.declareParameter("max_area", value: .decimal(FixedDecimal(parsing: "12.5")!))
    env.declareParameter("curfew_zone", value: .enumCase("park"), type: .enumeration("zone"))
    env.declareDefinition("end_abs", source: EmbeddedSource(standalone: "if end > start then end else end + 24 uur"))
    env.declareDefinition("curfew", source: EmbeddedSource(standalone: "if zone == centre then 23:00 else 22:00"))
    env.declareDefinition("public_event", source: EmbeddedSource(standalone: "music or visitors > 50 or zone != residential"))
    return env
  }

  /// Conditions the flat program holds.
  static let held = [
    "visitors > max_visitors", "visitors * days >= 1000", "visitors + days * 3 - 7 < 100", "-visitors < -10",
    "area > 10", "area <= max_area", "visitors > area", "area * 2 / visitors > 0.5", "visitors / days >= 2.5",
    "visitors between 10 and 100", "area between 1 and max_area",
    "music and not alcohol", "music or alcohol", "music == alcohol", "music != (visitors > 5)",
    "zone == park", "zone != curfew_zone", "zone in [park, centre]", "zone not in [industrial]", "visitors in [1, 2, 3]",
    "end_abs > curfew", "end_abs - start > 12 uur", "start + length > 22:00", "length * 2 > 3 uur",
    "budget > € 5000", "budget + budget <= € 250.50", "surface > 25 m2", "surface + surface < 100 m2",
    "public_event and not (zone == industrial)", "if music then visitors > 10 else alcohol",
    "(if visitors > 100 then 3 else days) == days", "day >= 2026-07-01",
  ]

  /// Conditions it leaves to the closure compiler.
  static let notHeld = ["street == \"Dorpsstraat\"", "day + 10 werkdagen > 2026-08-01", "days_between(day, day) > 1"]

  @Test func holdsTheSupportedOperatorsAndLeavesTheRest() throws {
    var env = Self.environment()
    var checked: [String: CheckedExpr] = [:]
    for source in Self.held + Self.notHeld {
      let result = env.checkCondition(EmbeddedSource(standalone: source))
      checked[source] = try #require(result.0, "\(source) does not check")
    }
    // The builder reads definitions as the environment has checked them.
    var builder = FlatProgramBuilder(environment: env)
    for source in Self.held { #expect(builder.add(checked[source]!) != nil, "\(source) is not held") }
    for source in Self.notHeld { #expect(builder.add(checked[source]!) == nil, "\(source) is held") }
  }

  @Test func agreesWithTheClosureCompilerOnRandomFacts() throws {
    var env = Self.environment()
    var checked: [CheckedExpr] = []
    for source in Self.held {
      let result = env.checkCondition(EmbeddedSource(standalone: source))
      checked.append(try #require(result.0, "\(source) does not check"))
    }
    var builder = FlatProgramBuilder(environment: env)
    let outputs = checked.map { builder.add($0)! }
    let flat = builder.build()
    let programs = checked.map { Compiler.compile($0, in: env) }
    var random = SplitMix(seed: 7)
    var compared = 0
    for _ in 0..<20_000 {
      let facts = Self.randomFacts(&random)
      var truths = [UInt8](repeating: 9, count: outputs.count)
      let done = outputs.withUnsafeBufferPointer { out in truths.withUnsafeMutableBufferPointer { flat.run(facts, outputs: out, into: $0.baseAddress!) } }
      #expect(done)
      for (index, program) in programs.enumerated() {
        let expected = program.evaluateTruth(facts).rawValue
        if truths[index] != expected {
          Issue.record("\(Self.held[index]): flat \(truths[index]), closures \(expected) for \(facts.values)")
          return
        }
        compared += 1
      }
    }
    #expect(compared == 20_000 * Self.held.count)
  }

  @Test func refusesAFactWithAnotherRepresentation() throws {
    var env = Self.environment()
    let result = env.checkCondition(EmbeddedSource(standalone: "area > 10"))
    let checked = try #require(result.0)
    var builder = FlatProgramBuilder(environment: env)
    let added = builder.add(checked)
    let output = try #require(added)
    let flat = builder.build()
    var facts = FactVector(count: 13)
    facts[2] = .integer(11)
    var truth: UInt8 = 9
    let done = [output].withUnsafeBufferPointer { flat.run(facts, outputs: $0, into: &truth) }
    #expect(!done, "an int in a decimal fact must be left to the closure compiler")
  }

  static func randomFacts(_ random: inout SplitMix) -> FactVector {
    func number() -> Int64 {
      switch random.next(12) {
      case 0: return .max
      case 1: return .min
      case 2: return Int64(random.next(1 << 40)) * 1_000_000
      case 3...5: return Int64(random.next(20)) - 5
      default: return Int64(random.next(3000))
      }
    }
    var facts = FactVector(count: 13)
    let zones = ["residential", "centre", "park", "industrial"]
    for slot in 0..<13 where random.next(8) != 0 {
      switch slot {
      case 0, 1: facts[slot] = .integer(number())
      case 2: facts[slot] = .decimal(FixedDecimal(scaled: number()))
      case 3, 4: facts[slot] = .bool(random.next(2) == 1)
      case 5: facts[slot] = .enumCase(zones[random.next(4)])
      case 6, 7: facts[slot] = .time(TimeOfDay(minutes: random.next(5) == 0 ? number() : Int64(random.next(1800))))
      case 8: facts[slot] = .money(number())
      case 9: facts[slot] = .duration(number())
      case 10: facts[slot] = .quantity(FixedDecimal(scaled: number()), .squareMetre)
      case 11: facts[slot] = .date(CalendarDay(year: 2026, month: 1 + random.next(12), day: 1 + random.next(28))!)
      default: facts[slot] = .text("Dorpsstraat")
      }
    }
    return facts
  }
}

/// A small deterministic random generator, so a failure reproduces.
struct SplitMix {
  var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next(_ bound: Int) -> Int {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z >> 31
    return Int(z % UInt64(bound))
  }
}
