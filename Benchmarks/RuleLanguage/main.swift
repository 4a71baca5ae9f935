// Evaluation benchmark: a 20-condition rule over 1,000,000 random fact vectors on one core.
// Run with `swift run -c release rule-language-bench`.
import Foundation
import RuleLanguage
import SourceDiagnostics

var environment = Environment()
environment.declareEnumeration("activity_kind", cases: ["straatfeest", "buurtbarbecue", "markt", "optocht", "sportevent"])
environment.declareEnumeration("road_kind", cases: ["woonstraat", "doorgaande_weg", "plein"])
let visitors = environment.declareFact("visitors", type: .integer)
let start = environment.declareFact("start", type: .time)
let end = environment.declareFact("end", type: .time)
let activity = environment.declareFact("activity", type: .enumeration("activity_kind"))
let roadClosure = environment.declareFact("road_closure", type: .bool)
let roadType = environment.declareFact("road_type", type: .enumeration("road_kind"))
let objects = environment.declareFact("objects_m2", type: .integer)
let music = environment.declareFact("music", type: .bool)
let decibels = environment.declareFact("decibels", type: .integer)
let day = environment.declareFact("date", type: .date)
environment.declareParameter("max_visitors", value: .integer(150))

let rule = """
  visitors <= max_visitors and start >= 09:00 and end <= 23:00 \
  and activity in [straatfeest, buurtbarbecue, markt] \
  and (not road_closure or road_type == woonstraat) \
  and objects_m2 between 10 and 25 and decibels < 85 \
  and (not music or end <= 22:00 or decibels <= 70) \
  and date >= 2026-01-01 and date <= 2026-12-31 \
  and visitors > 0 and objects_m2 != 13 and visitors != 99 \
  or visitors < 20 and activity == buurtbarbecue and decibels <= 60 \
  or road_type != doorgaande_weg and not music and visitors <= 50 and start < 12:00
  """
let (checked, diagnostics) = environment.checkCondition(EmbeddedSource(standalone: rule))
guard let checked else {
  print(DiagnosticTextRenderer().render(diagnostics))
  exit(1)
}
let program = Compiler.compile(checked, in: environment)
let conditionCount = 20  // comparisons in the rule (checked below)

var generator = SystemRandomNumberGenerator()
let activities = ["straatfeest", "buurtbarbecue", "markt", "optocht", "sportevent"]
let roads = ["woonstraat", "doorgaande_weg", "plein"]
let vectorCount = 1_000_000
var vectors: [FactVector] = []
vectors.reserveCapacity(vectorCount)
for _ in 0..<vectorCount {
  var facts = FactVector(count: environment.facts.count)
  facts[visitors] = .integer(Int64.random(in: 0...300, using: &generator))
  facts[start] = .time(TimeOfDay(minutes: Int64.random(in: 360...1200, using: &generator)))
  facts[end] = .time(TimeOfDay(minutes: Int64.random(in: 1080...1560, using: &generator)))
  facts[activity] = .enumCase(activities.randomElement(using: &generator)!)
  facts[roadClosure] = Int.random(in: 0..<10, using: &generator) == 0 ? .unknown : .bool(Bool.random(using: &generator))
  facts[roadType] = .enumCase(roads.randomElement(using: &generator)!)
  facts[objects] = .integer(Int64.random(in: 0...40, using: &generator))
  facts[music] = .bool(Bool.random(using: &generator))
  facts[decibels] = .integer(Int64.random(in: 40...100, using: &generator))
  facts[day] = .date(CalendarDay(daysSinceEpoch: Int64.random(in: 20_400...20_900, using: &generator)))
  vectors.append(facts)
}

@discardableResult
func measure(_ label: String, _ body: () -> Int) -> Double {
  let started = DispatchTime.now().uptimeNanoseconds
  let trues = body()
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
  let perSecond = Double(vectorCount) / seconds
  print(
    "\(label): \(vectorCount) evaluations in \(String(format: "%.3f", seconds)) s, "
      + "\(String(format: "%.2f", perSecond / 1e6)) M evaluations/s, "
      + "\(String(format: "%.1f", perSecond * Double(conditionCount) / 1e6)) M condition evaluations/s (\(trues) true)")
  return perSecond
}

// Warm up.
var warm = 0
for facts in vectors.prefix(10_000) where program.evaluateTruth(facts) == .true { warm += 1 }

let fastRate = measure("without recording") {
  var trues = 0
  for facts in vectors where program.evaluateTruth(facts) == .true { trues += 1 }
  return trues
}
// The same number of evaluations over 1,000 vectors that stay in the cache.
let hot = Array(vectors.prefix(1_000))
measure("cache-resident   ") {
  var trues = 0
  for _ in 0..<(vectorCount / hot.count) {
    for facts in hot where program.evaluateTruth(facts) == .true { trues += 1 }
  }
  return trues
}
var evaluatedConditions = 0
measure("with recording   ") {
  var trues = 0
  for facts in vectors {
    var trace = EvalTrace()
    if program.evaluate(facts, recording: &trace).truth == .true { trues += 1 }
    evaluatedConditions += trace.entries.count
  }
  return trues
}

// Short-circuiting skips conditions; count the comparisons that actually ran.
func conditionIDs(_ x: CheckedExpr) -> Set<Int> {
  switch x.kind {
  case .comparison, .membership, .between: [x.id]
  default: x.children.reduce(into: Set<Int>()) { $0.formUnion(conditionIDs($1)) }
  }
}
let ids = conditionIDs(checked)
var ran = 0
for facts in vectors.prefix(100_000) {
  var trace = EvalTrace()
  _ = program.evaluate(facts, recording: &trace)
  ran += trace.entries.filter { ids.contains($0.id) }.count
}
let perEvaluation = Double(ran) / 100_000
print("conditions in the rule: \(ids.count); evaluated per rule evaluation after short-circuiting: \(String(format: "%.2f", perEvaluation))")
print("measured without recording: \(String(format: "%.1f", fastRate * perEvaluation / 1e6)) M conditions actually evaluated/s")
