import RuleLanguage
import SourceDiagnostics

/// A small vocabulary like a municipality's, shared by the tests.
enum Fixtures {
  static func environment() -> Environment {
    var env = Environment()
    env.declareEnumeration("activity_kind", cases: ["straatfeest", "buurtbarbecue", "markt"])
    env.declareEnumeration("road_kind", cases: ["woonstraat", "doorgaande_weg"])
    env.declareFact("visitors", type: .integer)
    env.declareFact("start", type: .time)
    env.declareFact("end", type: .time)
    env.declareFact("activity", type: .enumeration("activity_kind"))
    env.declareFact("road_closure", type: .bool)
    env.declareFact("road_type", type: .enumeration("road_kind"))
    env.declareFact("objects_m2", type: .quantity(.squareMetre))
    env.declareFact("depth_cm", type: .integer)
    env.declareFact("date", type: .date)
    env.declareFact("fee", type: .money)
    env.declareFact("ratio", type: .decimal)
    env.declareFact("name", type: .text)
    env.declareFact("activities", type: .list(.enumeration("activity_kind")))
    env.declareFact("music", type: .bool)
    env.declareParameter("max_visitors", value: .integer(150))
    env.declareParameter("quiet_from", value: .time(TimeOfDay(hour: 23, minute: 0)))
    return env
  }

  /// Checks a condition (or any expression) and returns it with the diagnostics.
  static func check(_ text: String, env: inout Environment, requiring type: ValueType? = .bool) -> (CheckedExpr?, [Diagnostic]) {
    env.checkExpression(EmbeddedSource(standalone: text), requiring: type)
  }

  /// Evaluates an expression with facts given by name.
  static func evaluate(_ text: String, _ facts: [String: Value] = [:], env: Environment? = nil) -> Value {
    var env = env ?? environment()
    let (checked, diagnostics) = check(text, env: &env, requiring: nil)
    guard let checked else {
      return .text("error: " + diagnostics.map(\.message).joined(separator: "; "))
    }
    let program = Compiler.compile(checked, in: env)
    var vector = FactVector(count: env.facts.count)
    for (name, value) in facts { vector[env.factSlot(named: name)!] = value }
    let fast = program.evaluate(vector)
    var trace = EvalTrace()
    let traced = program.evaluate(vector, recording: &trace)
    precondition(fast == traced, "recording changed the result of '\(text)'")
    return fast
  }
}

extension Value {
  static func time(_ hour: Int, _ minute: Int) -> Value { .time(TimeOfDay(hour: hour, minute: minute)) }
  static func day(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CalendarDay(year: y, month: m, day: d)!) }
  static func dec(_ text: String) -> Value { .decimal(FixedDecimal(parsing: Substring(text))!) }
}
