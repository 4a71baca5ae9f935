// Room analysis benchmark: the time per initiative of the room to manoeuvre (adjustments,
// single facts and pairs; discretion, open norms, near misses, deciding unknowns, deadlines)
// over every example initiative with the shipped rulebooks, on one core.
// Run with `swift run -c release room-bench` from the repository root.
import Engine
import Foundation
import Room
import RuleLanguage
import SourceDiagnostics

let engine = try RuleEngine(rulesPath: "Rules")
let fileManager = FileManager.default
var evaluations: [(String, Evaluation)] = []
for folder in try fileManager.contentsOfDirectory(atPath: "Examples").sorted() {
  let files = (try? fileManager.contentsOfDirectory(atPath: "Examples/\(folder)")) ?? []
  for file in files.sorted() where file.hasSuffix(".yaml") {
    let path = "Examples/\(folder)/\(file)"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    for result in engine.check(file: SourceFile(path: path, text: text)) {
      if let evaluation = result.evaluation { evaluations.append((path, evaluation)) }
    }
  }
}
let today = CalendarDay(year: 2026, month: 6, day: 1)!

@MainActor func measure(_ analyzer: RoomAnalyzer, rounds: Int) -> [Double] {
  var times = Array(repeating: Double.infinity, count: evaluations.count)
  for _ in 0..<rounds {
    for (index, (_, evaluation)) in evaluations.enumerated() {
      let start = DispatchTime.now().uptimeNanoseconds
      let room = analyzer.analyze(evaluation, today: today)
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
      precondition(room.adjustments.count >= 0)
      times[index] = min(times[index], elapsed)
    }
  }
  return times
}

var singleOnly = RoomAnalyzer.Options()
singleOnly.pairs = false
let rounds = 20
let full = measure(RoomAnalyzer(), rounds: rounds)
let singles = measure(RoomAnalyzer(options: singleOnly), rounds: rounds)

func summary(_ name: String, _ times: [Double]) {
  let sorted = times.sorted()
  let mean = times.reduce(0, +) / Double(times.count)
  let median = sorted[sorted.count / 2]
  let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
  print(String(format: "%@: %d initiatives, mean %.3f ms, median %.3f ms, p90 %.3f ms, max %.3f ms", name, times.count, mean, median, p90, sorted.last!))
}
summary("room, single facts only", singles)
summary("room, single facts and pairs", full)
let slowest = zip(evaluations.map(\.0), full).sorted { $0.1 > $1.1 }.prefix(3)
for (path, time) in slowest { print(String(format: "  slowest: %@ %.3f ms", path, time)) }
