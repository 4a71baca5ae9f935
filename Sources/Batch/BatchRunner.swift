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

  /// Seconds between checkpoints.
  static let checkpointInterval = 1.0

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
    let workers = WorkerPool(count: options.jobs, context: context)
    var skip = output.resumedRecords
    var lastCheckpoint = -Double.infinity
    var number = output.resumedRecords
    while let chunk = try source.nextChunk(limit: options.chunkSize) {
      var current = chunk
      if skip > 0 {
        let dropped = min(skip, current.items.count)
        current.items.removeFirst(dropped)
        skip -= dropped
        if current.items.isEmpty { continue }
      }
      let statuses = process(current, firstNumber: number + 1, workers: workers)
      for job in 0..<workers.used { try output.append(workers.output(job)) }
      number += current.items.count
      for status in statuses { summary.add(status) }
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      progress(summary, chunk.inputOffset)
      let stopping = stopRequested.load(ordering: .relaxed)
      // A checkpoint syncs the output to disk: at most once a second, and when stopping. After a
      // crash, --resume redoes the records since the last one (the partial file is cut back to it).
      if stopping || summary.seconds - lastCheckpoint >= Self.checkpointInterval {
        try output.checkpoint(records: number)
        lastCheckpoint = summary.seconds
      }
      if stopping {
        summary.interrupted = true
        return summary
      }
    }
    try output.finish()
    summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return summary
  }

  /// Evaluates a chunk on all workers, each into its own reused buffer; returns the buffers in
  /// input order.
  func process(_ chunk: RecordChunk, firstNumber: Int, workers: WorkerPool) -> [RecordStatus] {
    let jobs = max(1, min(workers.count, chunk.items.count))
    let per = (chunk.items.count + jobs - 1) / jobs
    workers.used = jobs
    DispatchQueue.concurrentPerform(iterations: jobs) { job in
      let lower = job * per
      let upper = min(chunk.items.count, lower + per)
      workers.withWorker(job) { processor, out, statuses in
        out.bytes.removeAll(keepingCapacity: true)
        statuses.removeAll(keepingCapacity: true)
        guard lower < upper else { return }
        for index in lower..<upper {
          statuses.append(processor.process(chunk.items[index], number: firstNumber + index, chunk: chunk, into: &out))
        }
      }
    }
    return workers.statuses
  }
}

/// Per-worker processors and output buffers, kept across chunks so that memory is reused.
/// Each worker touches only its own slot (in storage allocated once), so no lock is needed.
final class WorkerPool: @unchecked Sendable {
  private let processors: UnsafeMutablePointer<RecordProcessor>
  private let outputs: UnsafeMutablePointer<OutputBuffer>
  private let statusLists: UnsafeMutablePointer<[RecordStatus]>
  let count: Int
  var used = 0

  init(count: Int, context: BatchContext) {
    self.count = max(1, count)
    processors = .allocate(capacity: self.count)
    processors.initialize(repeating: RecordProcessor(context: context), count: self.count)
    outputs = .allocate(capacity: self.count)
    outputs.initialize(repeating: OutputBuffer(), count: self.count)
    statusLists = .allocate(capacity: self.count)
    statusLists.initialize(repeating: [], count: self.count)
  }

  deinit {
    processors.deinitialize(count: count)
    processors.deallocate()
    outputs.deinitialize(count: count)
    outputs.deallocate()
    statusLists.deinitialize(count: count)
    statusLists.deallocate()
  }

  /// Runs `body` on worker `job`'s own state; call it for distinct jobs from distinct threads only.
  func withWorker(_ job: Int, _ body: (inout RecordProcessor, inout OutputBuffer, inout [RecordStatus]) -> Void) {
    body(&processors[job], &outputs[job], &statusLists[job])
  }

  func output(_ job: Int) -> [UInt8] { outputs[job].bytes }

  var statuses: [RecordStatus] { (0..<used).flatMap { statusLists[$0] } }
}
