import Testing
@testable import Engine
@testable import RuleLanguage

/// A trace's values by node id: the last value each node finished with, nil for a node not
/// evaluated; the same whether the ids lie close together (a table over their range) or far
/// apart (ids in order, searched by halves).
@Suite struct RecordedValuesTests {
  @Test(arguments: [
    [(3, 1), (4, 2), (3, 5), (6, 7)],
    [(5, 1), (100_000, 2), (5, 3), (42, 4), (100_000, 9), (7, 6)],
  ])
  func lastValueOfEachNode(_ entries: [(Int, Int64)]) {
    var trace = EvalTrace()
    for (id, value) in entries { trace.record(id, .integer(value)) }
    let recorded = RecordedValues(trace, facts: FactVector(count: 0))
    for id in Set(entries.map(\.0)) {
      #expect(recorded[id] == .integer(entries.last { $0.0 == id }!.1), "node \(id)")
    }
    for missing in [0, 2, 8, 43, 99_999, 100_001] { #expect(recorded[missing] == nil, "node \(missing)") }
  }

  @Test func nothingRecorded() {
    #expect(RecordedValues(EvalTrace(), facts: FactVector(count: 0))[1] == nil)
  }
}
