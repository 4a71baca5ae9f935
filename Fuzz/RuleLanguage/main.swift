// libFuzzer entry point: arbitrary text through the rule-language parser, checker and compiler
// in an environment like a real rulebook's. Build and run with `scripts/fuzz rule-language SECONDS`.
import RuleLanguage
import SourceDiagnostics

let environment: Environment = {
  var env = Environment()
  env.declareEnumeration("activity_kind", cases: ["straatfeest", "buurtbarbecue", "concert"])
  _ = env.declareFact("visitors", type: .integer)
  _ = env.declareFact("activity", type: .enumeration("activity_kind"))
  _ = env.declareFact("start", type: .time)
  _ = env.declareFact("end", type: .time)
  _ = env.declareFact("date", type: .date)
  _ = env.declareFact("area", type: .quantity(.squareMetre))
  _ = env.declareFact("budget", type: .money)
  _ = env.declareFact("amplified", type: .bool)
  _ = env.declareFact("street", type: .text)
  _ = env.declareFact("ratio", type: .decimal)
  _ = env.declareFact("tags", type: .list(.text))
  env.declareParameter("max_visitors", value: .integer(150))
  env.declareDefinition("large", source: EmbeddedSource(standalone: "visitors > max_visitors"))
  env.declareDefinition("loop_a", source: EmbeddedSource(standalone: "loop_b"))
  env.declareDefinition("loop_b", source: EmbeddedSource(standalone: "loop_a"))
  return env
}()

/// One known value per fact, in declaration order.
let facts = FactVector([
  .integer(151), .enumCase("concert"), .time(TimeOfDay(minutes: 23 * 60)), .time(TimeOfDay(minutes: 25 * 60)),
  .date(CalendarDay(year: 2026, month: 7, day: 4)!), .quantity(FixedDecimal(25), .squareMetre), .money(12_345),
  .bool(true), .text("Dorpsstraat"), .decimal(FixedDecimal(scaled: 1)), .list([.text("a"), .unknown]),
])

/// Builds the globals before fuzzing starts: LeakSanitizer cannot follow Swift's tagged pointers
/// to indirect enum boxes, so boxes made during the first input would be reported as leaks.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
  _ = environment
  _ = facts
  return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  let text = String(decoding: bytes, as: UTF8.self)
  let source = EmbeddedSource(standalone: text)
  _ = Parser.parse(source)
  var env = environment
  let (checked, _) = env.checkCondition(source)
  if let checked {
    let program = Compiler.compile(checked, in: env)
    _ = program.evaluate(FactVector(count: 0))
    _ = program.evaluate(facts)
    var trace = EvalTrace()
    _ = program.evaluate(facts, recording: &trace)
  }
  return 0
}
