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
      try workers.writeBlocks(to: output)
      for job in 0..<workers.used { summary.merge(workers.takeSummary(job)) }
      number += current.items.count
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      progress(summary, current.inputOffset)
      let stopping = stopRequested.load(ordering: .relaxed)
      // A checkpoint syncs the output to disk: at most once a second, and when stopping. After a
      // crash, --resume redoes the records since the last one (the partial file is cut back to it).
      if stopping || summary.seconds - lastCheckpoint >= Self.checkpointInterval {
        try output.checkpoint(records: number, waiting: stopping)
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

  /// Records a worker takes at a time, at most: few enough that the workers finish a chunk
  /// together (a worker that shares its core with the reader does fewer blocks), enough that
  /// taking a block is rare. A small chunk has at least eight blocks per worker.
  static let blockSize = 256

  /// Starts evaluating a chunk on all workers and returns; `workers.threads.wait()` waits for
  /// them. Each worker takes the next block of records until none is left, writing into its own
  /// reused buffer and summary; `workers.writeBlocks(to:)` writes the blocks in input order.
  func process(_ chunk: RecordChunk, firstNumber: Int, workers: WorkerPool) {
    let count = chunk.items.count
    let size = max(1, min(Self.blockSize, count / (workers.count * 8)))
    let blocks = (count + size - 1) / size
    workers.prepare(blocks: blocks)
    workers.threads.start(jobs: workers.used) { job in
      workers.withWorker(job) { processor, out, summary in
        out.removeAll()
        while case let block = workers.takeBlock(), block < blocks {
          let lower = block * size
          let start = out.count
          for index in lower..<min(count, lower + size) {
            summary.add(processor.process(chunk.items[index], number: firstNumber + index, chunk: chunk, into: out))
          }
          workers.setBlock(block, job: job, start: start, end: out.count)
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
    for job in 0..<self.count { (processors + job).initialize(to: RecordProcessor(context: context.forWorker())) }
    outputs = (0..<self.count).map { _ in OutputBuffer() }
    summaries = .allocate(capacity: self.count)
    summaries.initialize(repeating: BatchSummary(), count: self.count)
  }

  deinit {
    threads.stop()
    spans.deallocate()
    processors.deinitialize(count: count)
    processors.deallocate()
    summaries.deinitialize(count: count)
    summaries.deallocate()
  }

  /// Runs `body` on worker `job`'s own state; call it for distinct jobs from distinct threads only.
  /// The state is moved to the calling thread's stack for the call: neighbouring workers' states
  /// lie side by side in the pool, and writing them in place would bounce shared cache lines.
  func withWorker(_ job: Int, _ body: (inout RecordProcessor, OutputBuffer, inout BatchSummary) -> Void) {
    var processor = (processors + job).move()
    var summary = (summaries + job).move()
    body(&processor, outputs[job], &summary)
    (processors + job).initialize(to: processor)
    (summaries + job).initialize(to: summary)
  }

  /// Where each block of the round was written: by which worker, and the range in its buffer.
  private var spans: UnsafeMutablePointer<(job: Int, start: Int, end: Int)> = .allocate(capacity: 1)
  private var spanCapacity = 1
  private var blocks = 0
  /// The next block to take.
  private let nextBlock = Atomic<Int>(0)

  /// Starts a round of `blocks` blocks.
  func prepare(blocks: Int) {
    if blocks > spanCapacity {
      spans.deallocate()
      spanCapacity = blocks
      spans = .allocate(capacity: blocks)
    }
    self.blocks = blocks
    used = max(1, min(count, blocks))
    nextBlock.store(0, ordering: .relaxed)
  }

  /// The next block for a worker to evaluate (past the last one when none is left).
  @inline(__always)
  func takeBlock() -> Int { nextBlock.wrappingAdd(1, ordering: .relaxed).oldValue }

  /// Records where a worker wrote `block`; each block is set by the one worker that took it.
  func setBlock(_ block: Int, job: Int, start: Int, end: Int) {
    spans[block] = (job, start, end)
  }

  /// Writes the round's blocks in input order, a stretch of one worker's buffer at a time.
  func writeBlocks(to output: OutputFile) throws {
    var block = 0
    while block < blocks {
      let (job, start, _) = spans[block]
      var end = spans[block].end
      block += 1
      while block < blocks, spans[block].job == job, spans[block].start == end {
        end = spans[block].end
        block += 1
      }
      try output.append(UnsafeRawBufferPointer(rebasing: outputs[job].written[start..<end]))
    }
  }

  /// What worker `job` counted since the last call; its tally starts again from zero.
  func takeSummary(_ job: Int) -> BatchSummary {
    defer { summaries[job] = BatchSummary() }
    return summaries[job]
  }
}
