import Synchronization

/// Per-worker processors, summaries and output buffers, kept across chunks so that memory is
/// reused. Each worker touches only its own slot (in storage allocated once), so no lock is needed.
final class WorkerPool: @unchecked Sendable {
  private let processors: UnsafeMutablePointer<RecordProcessor>
  private let summaries: UnsafeMutablePointer<BatchSummary>
  let count: Int
  let threads: WorkerThreads
  /// Two rounds of output buffers, used in turn: the runner writes one while the workers fill the other.
  private let rounds: [Round]
  private var roundIndex = 0

  init(count: Int, context: BatchContext) {
    self.count = max(1, count)
    threads = WorkerThreads(count: self.count)
    processors = .allocate(capacity: self.count)
    for job in 0..<self.count { (processors + job).initialize(to: RecordProcessor(context: context.forWorker())) }
    summaries = .allocate(capacity: self.count)
    summaries.initialize(repeating: BatchSummary(), count: self.count)
    rounds = [Round(workers: self.count), Round(workers: self.count)]
  }

  deinit {
    threads.stop()
    processors.deinitialize(count: count)
    processors.deallocate()
    summaries.deinitialize(count: count)
    summaries.deallocate()
  }

  /// Runs `body` on worker `job`'s own state; call it for distinct jobs from distinct threads only.
  /// The state is moved to the calling thread's stack for the call: neighbouring workers' states
  /// lie side by side in the pool, and writing them in place would bounce shared cache lines.
  func withWorker(_ job: Int, _ body: (inout RecordProcessor, inout BatchSummary) -> Void) {
    var processor = (processors + job).move()
    var summary = (summaries + job).move()
    body(&processor, &summary)
    (processors + job).initialize(to: processor)
    (summaries + job).initialize(to: summary)
  }

  /// What worker `job` counted since the last call; its tally starts again from zero.
  func takeSummary(_ job: Int) -> BatchSummary {
    defer { summaries[job] = BatchSummary() }
    return summaries[job]
  }

  /// The other round, emptied for `blocks` blocks (the previous one must be written by now).
  func nextRound(blocks: Int) -> Round {
    roundIndex = 1 - roundIndex
    rounds[roundIndex].prepare(blocks: blocks, workers: count)
    return rounds[roundIndex]
  }

  /// The output of one chunk: each worker's buffer, and which worker wrote each block where.
  final class Round: @unchecked Sendable {
    let buffers: [OutputBuffer]
    private(set) var blocks = 0
    /// How many workers take part.
    private(set) var used = 0
    private var spans: UnsafeMutablePointer<(job: Int, start: Int, end: Int)> = .allocate(capacity: 1)
    private var spanCapacity = 1
    /// The next block to take.
    private let nextBlock = Atomic<Int>(0)

    init(workers: Int) {
      buffers = (0..<workers).map { _ in OutputBuffer() }
    }

    deinit { spans.deallocate() }

    func prepare(blocks: Int, workers: Int) {
      if blocks > spanCapacity {
        spans.deallocate()
        spanCapacity = blocks
        spans = .allocate(capacity: blocks)
      }
      self.blocks = blocks
      used = max(1, min(workers, blocks))
      nextBlock.store(0, ordering: .relaxed)
    }

    /// The next block for a worker to evaluate (past the last one when none is left).
    @inline(__always)
    func takeBlock() -> Int { nextBlock.wrappingAdd(1, ordering: .relaxed).oldValue }

    /// Records where a worker wrote `block`; each block is set by the one worker that took it.
    func setBlock(_ block: Int, job: Int, start: Int, end: Int) {
      spans[block] = (job, start, end)
    }

    /// Writes the blocks in input order, a stretch of one worker's buffer at a time.
    func write(to output: OutputFile) throws {
      var block = 0
      while block < blocks {
        let (job, start, _) = spans[block]
        var end = spans[block].end
        block += 1
        while block < blocks, spans[block].job == job, spans[block].start == end {
          end = spans[block].end
          block += 1
        }
        try output.append(UnsafeRawBufferPointer(rebasing: buffers[job].written[start..<end]))
      }
    }
  }
}
