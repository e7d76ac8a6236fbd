import NIOPosix
import Synchronization

/// Single-threaded event loop groups shared by every server of the process, created on first
/// use and never shut down, like NIO's own singleton group.
///
/// A server needs one group per listening socket so that each connection, and every handler
/// that prefers its loop, stays on one thread. Sharing them means servers started and stopped
/// in a loop (tests do that) do not leak threads, and nothing races a loop's shutdown while
/// channels are still closing.
enum SharedEventLoops {
  struct Loop: Sendable {
    let group: MultiThreadedEventLoopGroup
    let executor: EventLoopTaskExecutor
  }

  private static let loops = Mutex<[Loop]>([])

  /// The first `count` shared loops, creating the missing ones.
  static func first(_ count: Int) -> [Loop] {
    self.loops.withLock { loops in
      while loops.count < count {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loops.append(Loop(group: group, executor: EventLoopTaskExecutor(eventLoop: group.next())))
      }
      return Array(loops.prefix(count))
    }
  }
}
