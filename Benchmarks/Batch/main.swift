// Where the time of `bricoleur batch` goes, on one core: reading and splitting lines, parsing
// JSON, and binding + deciding + writing, for a JSON Lines file of the shared workload.
//
//     swift run -c release batch-stages-bench bench-data/initiatives-100000.jsonl Benchmarks/workload/rules
import Batch
import Engine
import Foundation
import Rulebook

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "bench-data/initiatives-100000.jsonl"
let rules = arguments.count > 2 ? arguments[2] : "Benchmarks/workload/rules"
let library = try RulebookLibrary.load(path: rules)
let context = BatchContext(library: library, rulebook: nil, asOf: nil, format: .jsonl)
let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
var previous = 0.0
for (stage, seconds) in try BatchStages.profile(path: path, context: context) {
  print(String(format: "%-38@ %7.3f s  (%8.0f records/s, this stage %6.2f µs/record)", stage as NSString, seconds,
    Double(lines) / seconds, (seconds - previous) / Double(lines) * 1e6))
  previous = seconds
}
