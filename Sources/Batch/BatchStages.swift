import Dispatch
import Engine
import Foundation

/// Where batch time goes: the same JSON Lines file run through cumulative stages on one
/// core — read and split lines; parse JSON; bind facts; decide; write output. For the
/// benchmark's report; not used by a run.
public enum BatchStages {
  /// Seconds per cumulative stage, in order.
  public static func profile(path: String, context: BatchContext) throws -> [(stage: String, seconds: Double)] {
    var results: [(String, Double)] = []
    for stage in Stage.allCases {
      var source = try JSONLinesSource(path: path)
      var processor = RecordProcessor(context: context)
      let out = OutputBuffer()
      var sink = 0
      let start = DispatchTime.now().uptimeNanoseconds
      while let chunk = try source.nextChunk(limit: 16_384) {
        out.removeAll()
        for (index, item) in chunk.items.enumerated() {
          guard case .jsonLine(let line, let lower, let upper) = item else { continue }
          switch stage {
          case .read:
            sink &+= upper - lower
          case .parse:
            chunk.bytes.withUnsafeBufferPointer { all in
              var parser = JSONRecordParser(UnsafeBufferPointer(rebasing: all[lower..<upper]))
              try? parser.parseObject(into: &processor.members)
              sink &+= processor.members.count
            }
          case .full:
            _ = processor.process(item, number: index + 1, chunk: chunk, into: out)
            _ = line
          }
        }
        sink &+= out.count
      }
      results.append((stage.rawValue, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
      if sink == -1 { print(sink) }
    }
    return results
  }

  enum Stage: String, CaseIterable {
    case read = "read and split lines"
    case parse = "+ parse JSON"
    case full = "+ bind facts, decide, write output"
  }
}
