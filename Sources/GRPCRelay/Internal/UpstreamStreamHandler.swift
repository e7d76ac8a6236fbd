import NIOCore
import NIOHTTP2

/// The upstream half of a relayed call: the stream the proxy opened to the service. It hands
/// every frame the service sends to its ``InboundStreamHandler`` and writes what that handler
/// relays from the client.
///
/// Both halves live on the same event loop, so they call each other directly. Reads stop while
/// the client's stream cannot take more (HTTP/2 flow control then holds the service back), and
/// resume when it drains.
final class UpstreamStreamHandler: ChannelDuplexHandler {
  typealias InboundIn = HTTP2Frame.FramePayload
  typealias OutboundIn = HTTP2Frame.FramePayload
  typealias OutboundOut = HTTP2Frame.FramePayload

  private var inbound: InboundStreamHandler?
  private var context: ChannelHandlerContext?
  private var pendingRead = false
  private var resetCode: HTTP2ErrorCode?
  /// END_STREAM was written to the service.
  private var sentEnd = false
  /// The service sent END_STREAM.
  private var receivedEnd = false
  /// Frames were written since the last flush.
  private var wroteFrames = false
  /// Frames reached NIOHTTP2, so the stream has an ID (and may be open, or queued for a slot).
  private var flushedFrames = false

  init(inbound: InboundStreamHandler) {
    self.inbound = inbound
  }

  // MARK: Used by the inbound half

  var isWritable: Bool {
    self.context?.channel.isWritable ?? false
  }

  func write(_ payload: HTTP2Frame.FramePayload) {
    guard let context = self.context else { return }
    switch payload {
    case .data(let data) where data.endStream: self.sentEnd = true
    case .headers(let headers) where headers.endStream: self.sentEnd = true
    default: break
    }
    self.wroteFrames = true
    context.write(self.wrapOutboundOut(payload), promise: nil)
  }

  func flush() {
    guard let context = self.context else { return }
    if self.wroteFrames { self.flushedFrames = true }
    context.flush()
  }

  func resumeReading() {
    guard self.pendingRead, let context = self.context else { return }
    self.pendingRead = false
    context.read()
  }

  /// Forgets the inbound half and resets the stream unless it already completed both ways.
  func detachAndClose() {
    self.inbound = nil
    guard let context = self.context, !(self.sentEnd && self.receivedEnd) else { return }
    if self.flushedFrames && self.resetCode == nil {
      // An explicit RST_STREAM, because closing alone is not enough: a stream whose HEADERS
      // wait in NIOHTTP2's queue for a slot under the service's SETTINGS_MAX_CONCURRENT_STREAMS
      // counts as "not yet on the network", so close() would drop the channel but leave the
      // queued frames to open the stream later with nobody to end it, holding the slot for
      // good. The reset removes them from the queue, or resets the open stream.
      context.writeAndFlush(self.wrapOutboundOut(.rstStream(.cancel)), promise: nil)
    }
    context.close(promise: nil)
  }

  // MARK: ChannelHandler

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.context = nil
  }

  func channelActive(context: ChannelHandlerContext) {
    context.fireChannelActive()
    if let inbound = self.inbound {
      inbound.attach(upstream: self)
    } else {
      context.close(promise: nil)
    }
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let payload = self.unwrapInboundIn(data)
    switch payload {
    case .headers(let headers) where headers.endStream: self.receivedEnd = true
    case .data(let data) where data.endStream: self.receivedEnd = true
    case .rstStream(let code): self.resetCode = code
    default: break
    }
    self.inbound?.upstreamRead(payload)
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    self.inbound?.upstreamReadComplete()
    context.fireChannelReadComplete()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if let closed = error as? NIOHTTP2Errors.StreamClosed {
      self.resetCode = closed.errorCode
    }
  }

  func channelInactive(context: ChannelHandlerContext) {
    let inbound = self.inbound
    self.inbound = nil
    inbound?.upstreamClosed(resetCode: self.resetCode)
    context.fireChannelInactive()
  }

  func channelWritabilityChanged(context: ChannelHandlerContext) {
    if context.channel.isWritable {
      self.inbound?.resumeReading()
    }
    context.fireChannelWritabilityChanged()
  }

  func read(context: ChannelHandlerContext) {
    if self.inbound?.isWritable ?? true {
      context.read()
    } else {
      self.pendingRead = true
    }
  }
}
