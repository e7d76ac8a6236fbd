import NIOCore
import NIOPosix

/// A TCP relay in front of a server that passes what clients send at once and holds what the
/// server answers for `delay`, in order: answers then reach the proxy after it gave up on
/// their calls, as a busy service's do.
final class DelayingRelay: Sendable {
  let listener: any Channel
  var port: Int { self.listener.localAddress?.port ?? 0 }

  init(to upstreamPort: Int, delay: Duration) async throws {
    let delay = TimeAmount(delay)
    self.listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .childChannelInitializer { client in
        // The server side is connected from the client's event loop, so both halves share it.
        let forward = ForwardTo(delay: .zero)
        let backward = ForwardTo(delay: delay)
        let connected = ClientBootstrap(group: client.eventLoop)
          .channelInitializer { server in
            server.eventLoop.makeCompletedFuture {
              try server.pipeline.syncOperations.addHandler(backward)
            }
          }
          .connect(host: "127.0.0.1", port: upstreamPort)
        return client.eventLoop.makeCompletedFuture {
          try client.pipeline.syncOperations.addHandler(forward)
        }.flatMap {
          connected
        }.assumeIsolated().map { server in
          forward.target = server
          backward.target = client
        }.nonisolated()
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
  }

  func close() async {
    try? await self.listener.close()
  }

  /// Writes what one side reads to the other after `delay`; closes the other when it closes.
  private final class ForwardTo: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    let delay: TimeAmount
    /// Set on the event loop once both halves exist.
    var target: (any Channel)?

    init(delay: TimeAmount) {
      self.delay = delay
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      let buffer = self.unwrapInboundIn(data)
      guard let target = self.target else { return }
      if self.delay == .zero {
        target.writeAndFlush(buffer, promise: nil)
      } else {
        context.eventLoop.assumeIsolated().scheduleTask(in: self.delay) {
          target.writeAndFlush(buffer, promise: nil)
        }
      }
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.target?.close(promise: nil)
      context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      context.close(promise: nil)
    }
  }
}
