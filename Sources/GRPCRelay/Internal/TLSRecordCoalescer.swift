import NIOCore

/// Sits just above a client connection's TLS handler and joins the small writes made between
/// two flushes into one buffer, so that they leave as one TLS record.
///
/// NIOSSL encrypts every write on its own, and NIOHTTP2 writes a DATA frame's header and its
/// payload separately: a relayed unary response (HEADERS, DATA, trailers) became four TLS
/// records, each one a separate encryption here and a separate decryption, with two `read`s,
/// for the client. Joined, it is one record. Buffers stop growing at the size of a full record
/// (16 KiB); a larger write goes through as it is.
///
/// Confined to its channel's event loop, like every handler.
final class TLSRecordCoalescer: ChannelOutboundHandler {
  typealias OutboundIn = IOData
  typealias OutboundOut = IOData

  /// The largest plaintext a TLS record holds: joining beyond it saves nothing.
  static let recordSize = 16 * 1024

  private var pending: ByteBuffer?
  /// Completed when the joined buffer is written; every joined write's promise follows it.
  private var pendingPromise: EventLoopPromise<Void>?

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    guard case .byteBuffer(var buffer) = self.unwrapOutboundIn(data),
      buffer.readableBytes < Self.recordSize
    else {
      self.writePending(context: context)
      context.write(data, promise: promise)
      return
    }
    if var pending = self.pending,
      pending.readableBytes + buffer.readableBytes <= Self.recordSize
    {
      self.pending = nil  // Keeps `pending` uniquely referenced, so it grows in place.
      pending.writeBuffer(&buffer)
      self.pending = pending
    } else {
      self.writePending(context: context)
      self.pending = buffer
    }
    if let promise {
      if let pendingPromise = self.pendingPromise {
        pendingPromise.futureResult.cascade(to: promise)
      } else {
        self.pendingPromise = promise
      }
    }
  }

  func flush(context: ChannelHandlerContext) {
    self.writePending(context: context)
    context.flush()
  }

  func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
    // Written, not flushed: what closing does with unflushed writes is the TLS handler's call.
    self.writePending(context: context)
    context.close(mode: mode, promise: promise)
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.writePending(context: context)
  }

  private func writePending(context: ChannelHandlerContext) {
    guard let pending = self.pending else { return }
    let promise = self.pendingPromise
    self.pending = nil
    self.pendingPromise = nil
    context.write(self.wrapOutboundOut(.byteBuffer(pending)), promise: promise)
  }
}
