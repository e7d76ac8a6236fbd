import NIOCore
import NIOTLS

/// Closes a client connection that has not completed its TLS handshake in time: a socket
/// that connects and never speaks (or speaks too slowly) is dropped rather than held.
final class HandshakeDeadline: ChannelInboundHandler, RemovableChannelHandler {
  typealias InboundIn = NIOAny

  private let timeout: TimeAmount
  private var deadline: Scheduled<Void>?

  init(timeout: TimeAmount) {
    self.timeout = timeout
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { self.arm(context: context) }
  }

  func channelActive(context: ChannelHandlerContext) {
    self.arm(context: context)
    context.fireChannelActive()
  }

  func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    context.fireUserInboundEventTriggered(event)
    if case .handshakeCompleted = event as? TLSUserEvent {
      self.deadline?.cancel()
      self.deadline = nil
      context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.deadline?.cancel()
    self.deadline = nil
    context.fireChannelInactive()
  }

  private func arm(context: ChannelHandlerContext) {
    guard self.deadline == nil else { return }
    let channel = context.channel
    self.deadline = context.eventLoop.assumeIsolated().scheduleTask(in: self.timeout) {
      channel.close(promise: nil)
    }
  }
}
