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
    /// The next chunk with the records an interrupted run wrote dropped.
    func nextChunk() throws -> RecordChunk? {
      while var chunk = try source.nextChunk(limit: options.chunkSize) {
        if skip > 0 {
          let dropped = min(skip, chunk.items.count)
          chunk.items.removeFirst(dropped)
          skip -= dropped
          if chunk.items.isEmpty { continue }
        }
        return chunk
      }
      return nil
    }
    var pending = try nextChunk()
    while let current = pending {
      // The workers evaluate this chunk while this thread reads the next one.
      process(current, firstNumber: number + 1, workers: workers)
      let next = Result { try nextChunk() }
      workers.threads.wait()
      for job in 0..<workers.used {
        try output.append(workers.output(job))
        summary.merge(workers.takeSummary(job))
      }
      number += current.items.count
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      progress(summary, current.inputOffset)
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
      pending = try next.get()
    }
    try output.finish()
    summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return summary
  }

  /// Starts evaluating a chunk on all workers, each into its own reused buffer and summary, and
  /// returns; `workers.threads.wait()` waits for them.
  func process(_ chunk: RecordChunk, firstNumber: Int, workers: WorkerPool) {
    let jobs = max(1, min(workers.count, chunk.items.count))
    let per = (chunk.items.count + jobs - 1) / jobs
    workers.used = jobs
    workers.threads.start(jobs: jobs) { job in
      let lower = job * per
      let upper = min(chunk.items.count, lower + per)
      workers.withWorker(job) { processor, out, summary in
        out.removeAll()
        guard lower < upper else { return }
        for index in lower..<upper {
          summary.add(processor.process(chunk.items[index], number: firstNumber + index, chunk: chunk, into: out))
        }
      }
    }
  }
}

/// Per-worker processors and output buffers, kept across chunks so that memory is reused.
/// Each worker touches only its own slot (in storage allocated once), so no lock is needed.
final class WorkerPool: @unchecked Sendable {
  private let processors: UnsafeMutablePointer<RecordProcessor>
  private let outputs: [OutputBuffer]
  private let summaries: UnsafeMutablePointer<BatchSummary>
  let count: Int
  var used = 0
  let threads: WorkerThreads

  init(count: Int, context: BatchContext) {
    self.count = max(1, count)
    threads = WorkerThreads(count: self.count)
    processors = .allocate(capacity: self.count)
    processors.initialize(repeating: RecordProcessor(context: context), count: self.count)
    outputs = (0..<self.count).map { _ in OutputBuffer() }
    summaries = .allocate(capacity: self.count)
    summaries.initialize(repeating: BatchSummary(), count: self.count)
  }

  deinit {
    threads.stop()
    processors.deinitialize(count: count)
    processors.deallocate()
    summaries.deinitialize(count: count)
    summaries.deallocate()
  }

  /// Runs `body` on worker `job`'s own state; call it for distinct jobs from distinct threads only.
  func withWorker(_ job: Int, _ body: (inout RecordProcessor, OutputBuffer, inout BatchSummary) -> Void) {
    body(&processors[job], outputs[job], &summaries[job])
  }

  /// What worker `job` wrote in the last round.
  func output(_ job: Int) -> UnsafeRawBufferPointer { outputs[job].written }

  /// What worker `job` counted since the last call; its tally starts again from zero.
  func takeSummary(_ job: Int) -> BatchSummary {
    defer { summaries[job] = BatchSummary() }
    return summaries[job]
  }
}
