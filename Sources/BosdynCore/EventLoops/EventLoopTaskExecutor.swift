package import NIOCore

/// Runs Swift concurrency jobs on one NIO event loop.
///
/// Handlers that prefer this executor run on the thread that already reads and writes their
/// connection, so a Tick costs no thread hand-offs between the event loop and the concurrency
/// pool, which would otherwise be much of its cost.
package final class EventLoopTaskExecutor: TaskExecutor {
  package let eventLoop: any EventLoop

  package init(eventLoop: any EventLoop) {
    self.eventLoop = eventLoop
  }

  package func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    self.eventLoop.execute {
      job.runSynchronously(on: self.asUnownedTaskExecutor())
    }
  }
}
