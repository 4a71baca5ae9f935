// Answer benchmark: what `POST /api/v1/evaluate` does for each request, stage by stage, on one
// core and without the network: read the YAML body and evaluate it (with traces), analyse the
// room to manoeuvre (with pairs), and write the JSON answer (indented, as `check --format json`).
// The load test's body (Examples/borne/buurtbarbecue-esch.yaml) is measured on its own, then
// the mean over every example initiative. Each figure is the fastest of the rounds, so that
// another process's slice of the core does not count.
// Run with `swift run -c release answer-bench [ROUNDS] [FILE]` from the repository root; with a
// FILE, only that body is measured (for a profile of one answer).
import Engine
import Foundation
import Reports
import Room
import RuleLanguage
import SourceDiagnostics
import YAMLTree

let engine = try RuleEngine(rulesPath: "Rules")
let today = CalendarDay(year: 2026, month: 6, day: 1)!
let loadTestBody = "Examples/borne/buurtbarbecue-esch.yaml"

var bodies: [(path: String, bytes: [UInt8])] = []
for folder in try FileManager.default.contentsOfDirectory(atPath: "Examples").sorted() where folder != "batches" {
  let files = (try? FileManager.default.contentsOfDirectory(atPath: "Examples/\(folder)")) ?? []
  for file in files.sorted() where file.hasSuffix(".yaml") {
    let path = "Examples/\(folder)/\(file)"
    bodies.append((path, Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
  }
}

func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

/// The fastest time of each stage over `rounds`, in microseconds, and the answer's size.
func measure(_ bytes: [UInt8], rounds: Int) -> (read: Double, room: Double, write: Double, size: Int) {
  var best = (read: Double.infinity, room: Double.infinity, write: Double.infinity, size: 0)
  for _ in 0..<rounds {
    let start = now()
    let (file, _) = YAMLSource.make(path: "request", bytes: bytes)
    let evaluations = engine.check(file: file).compactMap(\.evaluation)
    let read = now()
    let rooms = evaluations.map { RoomAnalyzer().analyze($0, today: today) }
    let analysed = now()
    var writer = JSONWriter(pretty: true, capacity: 64 * 1024)
    for (evaluation, room) in zip(evaluations, rooms) {
      EvaluationJSONRenderer(language: evaluation.initiative.language ?? "nl").write(evaluation, room: room, to: &writer)
    }
    let written = now()
    best.read = min(best.read, Double(read - start) / 1e3)
    best.room = min(best.room, Double(analysed - read) / 1e3)
    best.write = min(best.write, Double(written - analysed) / 1e3)
    best.size = writer.count
  }
  return best
}

func line(_ name: String, _ figures: (read: Double, room: Double, write: Double, size: Int)) {
  let total = figures.read + figures.room + figures.write
  print(
    String(
      format: "%@: %.0f µs (read and evaluate %.0f, room %.0f, write JSON %.0f), %d bytes", name, total, figures.read,
      figures.room, figures.write, figures.size))
}

let arguments = CommandLine.arguments.dropFirst()
let rounds = Int(arguments.first ?? "") ?? 200
if let only = arguments.dropFirst().first {
  line(only, measure(Array(try Data(contentsOf: URL(fileURLWithPath: only))), rounds: rounds))
  exit(0)
}
let borne = bodies.first { $0.path == loadTestBody }!
line("load-test body (\(loadTestBody))", measure(borne.bytes, rounds: rounds))
var sum = (read: 0.0, room: 0.0, write: 0.0, size: 0)
for body in bodies {
  let figures = measure(body.bytes, rounds: max(rounds / 10, 5))
  sum = (sum.read + figures.read, sum.room + figures.room, sum.write + figures.write, sum.size + figures.size)
}
let n = Double(bodies.count)
line("mean over \(bodies.count) examples", (sum.read / n, sum.room / n, sum.write / n, sum.size / bodies.count))
