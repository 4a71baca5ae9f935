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
    guard var current = try nextChunk() else {
      try output.finish()
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      return summary
    }
    var round = process(current, firstNumber: number + 1, workers: workers)
    while true {
      // The workers evaluate this chunk while this thread reads the next one.
      let next = Result { try nextChunk() }
      workers.threads.wait()
      for job in 0..<round.used { summary.merge(workers.takeSummary(job)) }
      number += current.items.count
      summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
      progress(summary, current.inputOffset)
      let stopping = stopRequested.load(ordering: .relaxed)
      // The workers start on the next chunk, into the other round's buffers, while this one is written.
      let following = stopping ? nil : (try? next.get()).flatMap { $0 }
      let written = round
      if let following { round = process(following, firstNumber: number + 1, workers: workers) }
      do {
        try written.write(to: output)
      } catch {
        if following != nil { workers.threads.wait() }
        throw error
      }
      // A checkpoint syncs the output to disk: at most once a second, and when stopping. After a
      // crash, --resume redoes the records since the last one (the partial file is cut back to it).
      if stopping || summary.seconds - lastCheckpoint >= Self.checkpointInterval {
        do {
          try output.checkpoint(records: number, waiting: stopping)
        } catch {
          if following != nil { workers.threads.wait() }
          throw error
        }
        lastCheckpoint = summary.seconds
      }
      if stopping {
        summary.interrupted = true
        return summary
      }
      guard let following else {
        _ = try next.get()  // a read error, after every record before it is written
        break
      }
      current = following
    }
    try output.finish()
    summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return summary
  }

  /// Records a worker takes at a time, at most: few enough that the workers finish a chunk
  /// together (a worker that shares its core with the reader does fewer blocks), enough that
  /// taking a block is rare. A small chunk has at least eight blocks per worker.
  static let blockSize = 256

  /// Starts evaluating a chunk on all workers and returns the round its output goes to;
  /// `workers.threads.wait()` waits for them. Each worker takes the next block of records until
  /// none is left, writing into its own buffer of the round and its own summary;
  /// `Round.write(to:)` writes the blocks in input order.
  func process(_ chunk: RecordChunk, firstNumber: Int, workers: WorkerPool) -> WorkerPool.Round {
    let count = chunk.items.count
    let size = max(1, min(Self.blockSize, count / (workers.count * 8)))
    let round = workers.nextRound(blocks: (count + size - 1) / size)
    workers.threads.start(jobs: round.used) { job in
      workers.withWorker(job) { processor, summary in
        let out = round.buffers[job]
        out.removeAll()
        while case let block = round.takeBlock(), block < round.blocks {
          let lower = block * size
          let start = out.count
          for index in lower..<min(count, lower + size) {
            summary.add(processor.process(chunk.items[index], number: firstNumber + index, chunk: chunk, into: out))
          }
          round.setBlock(block, job: job, start: start, end: out.count)
        }
      }
    }
    return round
  }
}
