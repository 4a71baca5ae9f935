import Dispatch
import Foundation

/// Long-lived threads of their own for a batch's workers: a blocked waiter (the runner reading
/// the next chunk, then waiting) never holds back a worker, as it can on a shared queue whose
/// width is the number of cores.
final class WorkerThreads: @unchecked Sendable {
  private let starts: [DispatchSemaphore]
  private let finished = DispatchSemaphore(value: 0)
  /// The work of the round in progress; written before the starts are signalled, read after.
  private var work: (@Sendable (Int) -> Void)?
  private var stopping = false
  private var running = 0

  init(count: Int) {
    starts = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    for index in 0..<count {
      let thread = Thread { [self] in loop(index) }
      thread.name = "bricoleur-worker-\(index + 1)"
      thread.start()
    }
  }

  private func loop(_ index: Int) {
    while true {
      starts[index].wait()
      if stopping { return }
      work?(index)
      finished.signal()
    }
  }

  /// Starts `work(0)` … `work(jobs - 1)`, each on its own thread, and returns at once.
  func start(jobs: Int, _ work: @escaping @Sendable (Int) -> Void) {
    precondition(running == 0 && jobs <= starts.count)
    self.work = work
    running = jobs
    for index in 0..<jobs { starts[index].signal() }
  }

  /// Waits until every job of the round has finished.
  func wait() {
    for _ in 0..<running { finished.wait() }
    running = 0
    work = nil
  }

  /// Ends the threads (after the round in progress).
  func stop() {
    wait()
    stopping = true
    for start in starts { start.signal() }
  }
}
