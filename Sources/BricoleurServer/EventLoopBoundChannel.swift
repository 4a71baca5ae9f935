import HummingbirdCore
import Logging
import NIOCore

/// Serves each connection on the thread of its own event loop.
///
/// Without this, a request crosses threads twice: the event loop reads it and wakes a task on
/// Swift's cooperative pool, which answers and hands the bytes back to the event loop to write.
/// With two cores, the hand-overs (a futex wake and a context switch each way) and the waits
/// behind the other threads made up much of an answer's latency and most of its tail. Here the
/// connection's task prefers an executor that runs its jobs on the event loop, so reading,
/// answering and writing happen on one thread, one request after the other.
struct EventLoopBoundChannel<Inner: ServerChildChannel>: ServerChildChannel {
  typealias Value = Inner.Value
  let inner: Inner

  func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
    inner.setup(channel: channel, logger: logger)
  }

  func handle(value: Value, logger: Logger) async {
    await withTaskExecutorPreference(EventLoopTaskExecutor(value.channel.eventLoop)) {
      await inner.handle(value: value, logger: logger)
    }
  }
}

extension HTTPServerBuilder {
  /// HTTP/1.1 with each connection served on its event loop's thread.
  static func http1OnEventLoops(configuration: HTTP1Channel.Configuration) -> HTTPServerBuilder {
    .init { responder in EventLoopBoundChannel(inner: HTTP1Channel(responder: responder, configuration: configuration)) }
  }
}

/// A task executor that runs its jobs on one event loop.
final class EventLoopTaskExecutor: TaskExecutor {
  let eventLoop: any EventLoop

  init(_ eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
