public import NIOCore

/// Closes a connection on the read-idle event of an `IdleStateHandler` placed before it: a
/// peer that has sent nothing for that long (no request, no acknowledgement of a GOAWAY or a
/// PING) is gone or hostile, and an HTTP/2 idle timeout alone would wait for its answer for
/// ever.
public final class QuietConnectionCloser: ChannelInboundHandler, Sendable {
  public typealias InboundIn = NIOAny

  /// Creates the handler.
  public init() {}

  /// Closes the channel on `IdleStateHandler.IdleStateEvent.read`; passes other events on.
  public func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
    if case .read = event as? IdleStateHandler.IdleStateEvent {
      context.close(promise: nil)
      return
    }
    context.fireUserInboundEventTriggered(event)
  }
}
