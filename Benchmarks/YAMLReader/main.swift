// Measures how fast YAMLReader turns a large YAML stream into positioned nodes, against
// libyaml's raw event parsing of the same bytes.
//
// The raw side is `yaml_parser_parse` and `yaml_event_delete` over every event, nothing else.
// The reader's side also makes the `SourceFile` (its bytes and line table) and builds every
// document's full tree: spans, scalar texts, duplicate-key checks and limits. The two sides
// alternate, five rounds, and the best round of each counts, so a busy machine skews less.
//
//     swift run -c release yaml-reader-bench [documents]
import CYAML
import Foundation
import SourceDiagnostics
import YAMLTree

let documents = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 100_000 : 100_000

/// A multi-document stream shaped like the event workload's YAML (block style, plain scalars).
func makeStream(_ count: Int) -> String {
  var text = ""
  text.reserveCapacity(count * 300)
  let activities = ["street_party", "market", "concert", "sports", "exhibition", "bbq"]
  for i in 1...count {
    text += """
      ---
      id: \(i)
      activity: \(activities[i % activities.count])
      visitors: \(i % 5000)
      start_hour: \(9 + i % 10)
      end_hour: \(i % 24)
      amplified_music: \(i % 2 == 0 ? "true" : "false")
      road_closure: none
      objects_m2: \(Double(i % 500) / 10)
      on_public_ground: true
      alcohol_sold: false
      zone: residential
      days: \(1 + i % 3)
      budget_requested_eur: 2500.0
      title: "Buurtfeest café één \(i)"

      """
  }
  return text
}

/// Parses all events with libyaml and does nothing with them.
func rawEvents(_ bytes: [UInt8]) -> Int {
  var parser = yaml_parser_t()
  yaml_parser_initialize(&parser)
  defer { yaml_parser_delete(&parser) }
  var count = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) == 1 {
      let done = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      count += 1
      if done { break }
    }
  }
  return count
}

func time(_ body: () -> Int) -> (seconds: Double, result: Int) {
  let start = DispatchTime.now().uptimeNanoseconds
  let result = body()
  return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, result)
}

let text = makeStream(documents)
let bytes = Array(text.utf8)
let megabytes = Double(bytes.count) / 1_048_576
print("stream: \(documents) documents, \(String(format: "%.1f", megabytes)) MiB")

var rawBest = Double.infinity
var treeBest = Double.infinity
for _ in 0..<5 {
  let raw = time { rawEvents(bytes) }
  rawBest = min(rawBest, raw.seconds)
  let tree = time {
    let file = SourceFile(path: "bench.yaml", text: text)
    let stream = YAMLReader(limits: YAMLLimits(maxFileBytes: Int.max)).documentStream(file)
    var count = 0
    while let document = stream.next() { count += document.root?.mapping?.count ?? 0 }
    return count
  }
  treeBest = min(treeBest, tree.seconds)
}
print(String(format: "libyaml raw events : %.3f s  (%.1f MiB/s)", rawBest, megabytes / rawBest))
print(String(format: "YAMLReader nodes   : %.3f s  (%.1f MiB/s, %.0f documents/s)", treeBest, megabytes / treeBest, Double(documents) / treeBest))
print(String(format: "ratio nodes/raw    : %.2fx", treeBest / rawBest))
