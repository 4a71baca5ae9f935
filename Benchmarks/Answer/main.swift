// Answer benchmark: what `POST /api/v1/evaluate` does for each request, stage by stage, on one
// core and without the network: read the YAML body and evaluate it (with traces), analyse the
// room to manoeuvre (with pairs), and write the JSON answer (indented, as `check --format json`).
// The load test's body (Examples/borne/buurtbarbecue-esch.yaml) is measured on its own, then
// the mean over every example initiative. Each figure is a mean over the rounds, freeing what
// the answer allocated included, as a server pays it. The load-test body is measured once more
// with the caches evicted before each answer (64 MB written, more than this machine's L3): what
// an answer costs a server that answers now and then, whose caches other work has taken over.
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

/// The time of each stage of one answer, in microseconds, and the answer's size.
struct Figures {
  var read = 0.0
  var room = 0.0
  var write = 0.0
  /// Freeing the evaluation, the analysis and the text.
  var free = 0.0
  var size = 0
  var total: Double { read + room + write + free }

  static func + (a: Figures, b: Figures) -> Figures {
    Figures(read: a.read + b.read, room: a.room + b.room, write: a.write + b.write, free: a.free + b.free, size: a.size + b.size)
  }

  static func / (a: Figures, n: Double) -> Figures {
    Figures(read: a.read / n, room: a.room / n, write: a.write / n, free: a.free / n, size: Int(Double(a.size) / n))
  }
}

/// One answer to `bytes`, stage by stage.
func answer(_ bytes: [UInt8]) -> Figures {
  var figures = Figures()
  var freed: UInt64 = 0
  let start = now()
  do {
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
    figures.read = Double(read - start) / 1e3
    figures.room = Double(analysed - read) / 1e3
    figures.write = Double(written - analysed) / 1e3
    figures.size = writer.count
    freed = written
  }
  figures.free = Double(now() - freed) / 1e3
  return figures
}

/// The mean of each stage over `rounds` answers to `bytes`, after a few to warm up; with `cold`,
/// the caches are evicted before each answer (not counted in the figures).
func measure(_ bytes: [UInt8], rounds: Int, cold: Bool = false) -> Figures {
  for _ in 0..<3 { _ = answer(bytes) }
  // Written before each answer of a cold measurement, to evict the caches.
  let eviction = UnsafeMutableRawBufferPointer.allocate(byteCount: cold ? 64 << 20 : 0, alignment: 64)
  defer { eviction.deallocate() }
  var sum = Figures()
  for round in 0..<rounds {
    if cold { eviction.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: round)) }
    sum = sum + answer(bytes)
  }
  return sum / Double(rounds)
}

func line(_ name: String, _ figures: Figures) {
  print(
    String(
      format: "%@: %.0f µs (read and evaluate %.0f, room %.0f, write JSON %.0f, free %.0f), %d bytes", name, figures.total,
      figures.read, figures.room, figures.write, figures.free, figures.size))
}

let arguments = CommandLine.arguments.dropFirst()
let rounds = Int(arguments.first ?? "") ?? 200
if let only = arguments.dropFirst().first {
  let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: only)))
  line(only, measure(bytes, rounds: rounds))
  line("\(only), caches evicted", measure(bytes, rounds: max(rounds / 4, 5), cold: true))
  exit(0)
}
let borne = bodies.first { $0.path == loadTestBody }!
line("load-test body (\(loadTestBody))", measure(borne.bytes, rounds: rounds))
line("load-test body, caches evicted before each answer", measure(borne.bytes, rounds: max(rounds / 4, 5), cold: true))
var sum = Figures()
for body in bodies { sum = sum + measure(body.bytes, rounds: max(rounds / 10, 5)) }
line("mean over \(bodies.count) examples", sum / Double(bodies.count))
