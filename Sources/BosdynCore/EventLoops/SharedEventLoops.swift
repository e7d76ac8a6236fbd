package import NIOPosix
import Synchronization
import NIOCore

/// Single-threaded event loop groups shared by every server of the process, created on first
/// use and never shut down, like NIO's own singleton group.
///
/// A server needs one group per listening socket so that each connection, and every handler
/// that prefers its loop, stays on one thread. Sharing them means servers started and stopped
/// in a loop (tests do that) do not leak threads, and nothing races a loop's shutdown while
/// channels are still closing.
package enum SharedEventLoops {
  package struct Loop: Sendable {
    package let group: MultiThreadedEventLoopGroup
    package let executor: EventLoopTaskExecutor
  }

  private static let loops = Mutex<[Loop]>([])
  private static let nextIndex = Atomic<Int>(0)

  /// The first `count` shared loops, creating the missing ones.
  package static func first(_ count: Int) -> [Loop] {
    self.loops.withLock { loops in
      while loops.count < count {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        loops.append(Loop(group: group, executor: EventLoopTaskExecutor(eventLoop: group.next())))
      }
      return Array(loops.prefix(count))
    }
  }

  /// One of the first `System.coreCount` loops, in turn, for work that needs a single loop
  /// (a client connection).
  package static func next() -> Loop {
    let count = System.coreCount
    let index = self.nextIndex.add(1, ordering: .relaxed).oldValue % count
    return self.first(count)[index]
  }
}
