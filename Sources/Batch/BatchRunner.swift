import Dispatch
import Engine
import Foundation
import Rulebook
import Synchronization

/// Options of a batch run.
public struct BatchOptions: Sendable {
  public var output: String
  public var format: OutputFormat = .jsonl
  public var jobs = ProcessInfo.processInfo.activeProcessorCount
  public var resume = false
  /// Records per chunk: memory is bounded by this, not by the input's size.
  public var chunkSize = 16_384

  public init(output: String) {
    self.output = output
  }
}

/// Runs records through the rules in parallel and writes one output record per input record,
/// in input order.
public final class BatchRunner: Sendable {
  let context: BatchContext
  let options: BatchOptions
  /// Set by Ctrl-C: the run stops after the chunk in hand.
  public let stopRequested = Atomic<Bool>(false)

  public init(context: BatchContext, options: BatchOptions) {
    self.context = context
    self.options = options
  }

  /// Reads every record from `source`, writes the output file, and returns the summary.
  /// `progress` is called after each chunk with the summary so far and the input bytes read.
  public func run(
    _ source: inout some RecordSource, inputSignature: String, progress: (BatchSummary, Int) -> Void = { _, _ in }
  ) throws -> BatchSummary {
    let start = DispatchTime.now().uptimeNanoseconds
    let output = try OutputFile(
      path: options.output, resume: options.resume, inputSignature: inputSignature,
      header: options.format == .csv ? OutputFormat.csvHeader : nil)
    var summary = BatchSummary()
    summary.resumed = output.resumedRecords
    var skip = output.resumedRecords
    var number = output.resumedRecords
    while let chunk = try source.nextChunk(limit: options.chunkSize) {
      var current = chunk
      if skip > 0 {
        let dropped = min(skip, current.items.count)
        current.items.removeFirst(dropped)
        skip -= dropped
        if current.items.isEmpty { continue }
      }
      let (bytes, statuses) = process(current, firstNumber: number + 1)
      try output.append(bytes)
      number += current.items.count
      for status in statuses { summary.add(status) }
      try output.checkpoint(records: number)
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      progress(summary, chunk.inputOffset)
      if stopRequested.load(ordering: .relaxed) {
        summary.interrupted = true
        return summary
      }
    }
    try output.finish()
    summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return summary
  }

  /// Evaluates a chunk on all workers; the outputs are joined in input order.
  func process(_ chunk: RecordChunk, firstNumber: Int) -> ([UInt8], [RecordStatus]) {
    let jobs = max(1, min(options.jobs, chunk.items.count))
    let parts = Mutex([([UInt8], [RecordStatus])](repeating: ([], []), count: jobs))
    let per = (chunk.items.count + jobs - 1) / jobs
    DispatchQueue.concurrentPerform(iterations: jobs) { job in
      let lower = job * per
      let upper = min(chunk.items.count, lower + per)
      guard lower < upper else { return }
      var processor = RecordProcessor(context: context)
      var out = OutputBuffer()
      out.bytes.reserveCapacity((upper - lower) * 128)
      var statuses: [RecordStatus] = []
      statuses.reserveCapacity(upper - lower)
      for index in lower..<upper {
        statuses.append(processor.process(chunk.items[index], number: firstNumber + index, chunk: chunk, into: &out))
      }
      let result = (out.bytes, statuses)
      parts.withLock { $0[job] = result }
    }
    return parts.withLock { parts in
      (parts.flatMap(\.0), parts.flatMap(\.1))
    }
  }
}
