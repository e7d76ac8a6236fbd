import NIOCore

/// Closes a connection that sends nothing within its deadline. gRPC's idle timeout only starts
/// once a client has spoken HTTP/2, so a socket that connects and stays silent would otherwise
/// hold a descriptor and its buffers for ever; the first bytes received disarm the deadline,
/// after which the idle timeout takes over.
final class SilentConnectionDeadline: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = NIOAny

  private let timeout: TimeAmount
  private var deadline: Scheduled<Void>?

  init(timeout: TimeAmount) {
    self.timeout = timeout
  }

  func handlerAdded(context: ChannelHandlerContext) {
    let channel = context.channel
    self.deadline = context.eventLoop.assumeIsolated().scheduleTask(in: self.timeout) {
      channel.close(promise: nil)
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.deadline?.cancel()
    self.deadline = nil
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    self.deadline?.cancel()
    self.deadline = nil
    context.fireChannelRead(data)
    context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
  }
}
