// Measures the rulebook layer and the evaluator:
//  - loading and compiling a generated rulebook of 1 000 rules;
//  - evaluating one initiative against 100 rules: the full evaluation with explanation traces,
//    and the fast decision used by batch.
//
//     swift run -c release engine-bench
import Dispatch
import Engine
import Foundation
import Rulebook
import RuleLanguage
import SourceDiagnostics

/// A rulebook of `count` rules over ten facts, with thresholds, enumerations, definitions and overrides.
func writeRulebook(rules count: Int) throws -> String {
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engine-bench-\(count)-\(getpid())")
  try? FileManager.default.removeItem(at: folder)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  var text = """
    rulebook: {id: bench\(count), name: Bench, municipality: bench\(count)}
    regulations:
      apv: {title: APV, kind: bylaw}
    facts:
      visitors: {type: integer, min: 0}
      start: {type: time}
      end: {type: time, after: start}
      music: {type: bool}
      road: {type: enum, values: [geen, woonstraat, doorgaande_weg]}
      area: {type: area}
      days: {type: integer}
      alcohol: {type: bool}
      zone: {type: enum, values: [woonwijk, centrum, park, bedrijventerrein]}
      budget: {type: money}
    definitions:
      klein: visitors <= 150 and end <= 23:00 and road != doorgaande_weg and area < 25 m2
    rules:

    """
  let outcomes = ["notification", "permit", "information", "prohibited", "allowed_with_conditions"]
  for i in 0..<count {
    let limit = 50 + (i * 37) % 2000
    let condition: String
    switch i % 5 {
    case 0: condition = "visitors > \(limit) and (music or end > 22:00)"
    case 1: condition = "klein and zone in [woonwijk, park] and days <= \(1 + i % 5)"
    case 2: condition = "not klein and budget > EUR \(limit) and alcohol"
    case 3: condition = "area >= \(i % 200) m2 and road == woonstraat or visitors between \(limit) and \(limit + 100)"
    default: condition = "days > \(i % 7) and zone == centrum and start < 10:00"
    }
    text += "  - id: r\(i)\n    citation: {regulation: apv, article: \"\(i)\"}\n    when: \(condition)\n    outcome: \(outcomes[i % outcomes.count])\n"
    text += "    explanation: {nl: \"Regel \(i) met {visitors} bezoekers.\", en: \"Rule \(i) with {visitors} visitors.\"}\n"
    if i % 10 == 9 { text += "    overrides: [r\(i - 1)]\n" }
  }
  try text.write(to: folder.appendingPathComponent("rulebook.yaml"), atomically: true, encoding: .utf8)
  return folder.path
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

let initiativeText = """
  id: bench
  date: 2026-06-20
  facts: {visitors: 180, start: "20:00", end: "01:00", music: ja, road: woonstraat, area: 16, days: 1, alcohol: ja, zone: park, budget: 2500}
  """

for count in [100, 1_000] {
  let path = try writeRulebook(rules: count)
  var library: RulebookLibrary!
  let load = try seconds { library = try RulebookLibrary.load(path: path) }
  precondition(library.diagnostics.isEmpty, DiagnosticTextRenderer().render(library.diagnostics))
  let engine = RuleEngine(library: library)
  print(String(format: "%5d rules: load and compile %.1f ms", count, load * 1000))
  let rulebook = library.rulebooks.values.first!
  let file = SourceFile(path: "i.yaml", text: initiativeText)
  let result = engine.check(file: file, options: .init(rulebook: rulebook.id))[0]
  let evaluation = result.evaluation!
  let evaluator = Evaluator(rulebook: rulebook)
  let facts = evaluation.facts
  let iterations = count == 100 ? 20_000 : 2_000
  var decided = RuleDecision.empty
  let fast = seconds {
    for _ in 0..<iterations { evaluator.decide(facts, on: evaluation.asOf, rulesInto: &decided) }
  }
  let full = seconds {
    for _ in 0..<(iterations / 10) { _ = evaluator.evaluate(evaluation.initiative, facts: facts, asOf: evaluation.asOf) }
  }
  print(String(format: "%5d rules: decide %.2f µs per initiative; full evaluation with traces %.1f µs", count,
    fast / Double(iterations) * 1e6, full / Double(iterations / 10) * 1e6))
}
