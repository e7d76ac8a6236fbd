import GRPCCore
import BosdynCore
import NIOCore

/// Asks the proxy's routing closure where each call goes, on the event loop of the call's
/// connection.
///
/// Channel handlers cannot await, and an unowned `Task` per call would outlive the proxy. So a
/// handler posts the call's head to its loop's queue, and one task per loop (a child of
/// ``RobotProxy/run()``, preferring that loop as its executor) runs the closure for each call in
/// a child task. As long as the closure itself does not hop to another executor, a call's
/// routing never leaves its connection's thread.
final class RouteDispatcher: Sendable {
  /// A call waiting for its route, and how to hand the route back to the call's handler.
  struct Request: Sendable {
    var head: RobotProxy.CallHead
    var deliver: @Sendable (RobotProxy.Route) -> Void
  }

  private struct Queue: Sendable {
    var executor: EventLoopTaskExecutor
    var stream: AsyncStream<Request>
    var continuation: AsyncStream<Request>.Continuation
  }

  private let queues: [ObjectIdentifier: Queue]
  private let route: @Sendable (RobotProxy.CallHead) async -> RobotProxy.Route

  init(
    loops: [SharedEventLoops.Loop],
    route: @escaping @Sendable (RobotProxy.CallHead) async -> RobotProxy.Route
  ) {
    var queues: [ObjectIdentifier: Queue] = [:]
    for loop in loops {
      let (stream, continuation) = AsyncStream.makeStream(of: Request.self)
      let eventLoop = loop.executor.eventLoop
      queues[ObjectIdentifier(eventLoop)] = Queue(
        executor: loop.executor,
        stream: stream,
        continuation: continuation
      )
    }
    self.queues = queues
    self.route = route
  }

  /// Routes `request` on `eventLoop`'s queue. When the dispatcher has finished, the call is
  /// refused at once.
  func submit(_ request: Request, on eventLoop: any EventLoop) {
    guard let queue = self.queues[ObjectIdentifier(eventLoop)] else {
      // Only connections accepted on the proxy's own loops reach here.
      request.deliver(
        .reject(code: .unavailable, message: "502 Bad Gateway: the proxy is not serving")
      )
      return
    }
    if case .terminated = queue.continuation.yield(request) {
      request.deliver(
        .reject(code: .unavailable, message: "502 Bad Gateway: the proxy is shutting down")
      )
    }
  }

  /// Runs the routing closure for every submitted call until ``finish()``.
  func run() async {
    await withDiscardingTaskGroup { group in
      for queue in self.queues.values {
        group.addTask(executorPreference: queue.executor) {
          await withDiscardingTaskGroup { calls in
            for await request in queue.stream {
              calls.addTask(executorPreference: queue.executor) {
                request.deliver(await self.route(request.head))
              }
            }
          }
        }
      }
    }
  }

  /// Stops accepting calls; ``run()`` returns once every submitted call has its route.
  func finish() {
    for queue in self.queues.values {
      queue.continuation.finish()
    }
  }
}
