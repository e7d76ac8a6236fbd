import NIOCore

/// Holds back socket flushes on one event loop while a read is being processed, and releases
/// them all when it is done.
///
/// A relayed call touches two connections: what the proxy reads on one it writes on the
/// other. NIOHTTP2 hands each frame to its stream on its own, and every stream flushes its
/// parent connection, so without this a request's HEADERS and DATA would leave in two
/// `write`s (waking the service twice), and a read carrying frames for many streams would
/// cost a `write` per stream. Each connection has a ``FlushGate`` next to its socket; a read on
/// any of them opens a burst, flushes during the burst are only noted, and the end of the
/// burst flushes each noted connection once.
///
/// Confined to its event loop.
final class FlushCoalescer {
  private var depth = 0
  private var held: [FlushGate] = []

  /// Whether flushes are being held back now.
  var isHolding: Bool { self.depth > 0 }

  /// A connection starts processing what it read.
  func beginBurst() {
    self.depth += 1
  }

  /// A connection finished processing what it read; the last one out releases the held
  /// flushes.
  func endBurst() {
    self.depth -= 1
    guard self.depth == 0 else { return }
    // In the order they were held. Flushing can write, fail and close channels, whose
    // handlers may flush again: with the burst over, those go straight through.
    let held = self.held
    self.held.removeAll(keepingCapacity: true)
    for gate in held {
      gate.releaseHeldFlush()
    }
  }

  /// Notes that `gate` has a flush to release at the end of the burst.
  func hold(_ gate: FlushGate) {
    self.held.append(gate)
  }
}

/// Sits between a proxy connection's socket (or TLS) handler and its HTTP/2 handler: reads
/// through it open a burst of its loop's ``FlushCoalescer``, and flushes through it wait for
/// the end of the current burst.
final class FlushGate: ChannelDuplexHandler {
  typealias InboundIn = NIOAny
  typealias InboundOut = NIOAny
  typealias OutboundIn = NIOAny
  typealias OutboundOut = NIOAny

  private let coalescer: FlushCoalescer
  private var context: ChannelHandlerContext?
  /// This connection opened a burst that has not ended yet.
  private var inBurst = false
  /// A flush waits for the end of the burst.
  private var flushHeld = false
  /// The connection closed: no burst may start, as none would get its `channelReadComplete`.
  private var isClosed = false

  init(coalescer: FlushCoalescer) {
    self.coalescer = coalescer
  }

  func handlerAdded(context: ChannelHandlerContext) {
    self.context = context
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.endBurst()
    self.context = nil
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    if !self.inBurst && !self.isClosed {
      self.inBurst = true
      self.coalescer.beginBurst()
    }
    context.fireChannelRead(data)
  }

  func channelReadComplete(context: ChannelHandlerContext) {
    context.fireChannelReadComplete()
    self.endBurst()
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.isClosed = true
    context.fireChannelInactive()
    self.endBurst()
  }

  func flush(context: ChannelHandlerContext) {
    guard self.coalescer.isHolding else {
      context.flush()
      return
    }
    if !self.flushHeld {
      self.flushHeld = true
      self.coalescer.hold(self)
    }
  }

  /// Called by the coalescer at the end of a burst.
  func releaseHeldFlush() {
    guard self.flushHeld else { return }
    self.flushHeld = false
    self.context?.flush()
  }

  private func endBurst() {
    guard self.inBurst else { return }
    self.inBurst = false
    self.coalescer.endBurst()
  }
}
