import NIOCore

/// Closes a client connection once NIOHTTP2 has sent it a GOAWAY with an error code (a
/// connection-level protocol error: garbage, HTTP/1.1, a flood NIOHTTP2 refuses). NIOHTTP2
/// sends that GOAWAY but leaves the socket open; stream-level errors (a RST_STREAM) and the
/// NO_ERROR GOAWAY of a graceful shutdown leave the connection alone.
///
/// It sits between TLS and NIOHTTP2 and reads the HTTP/2 frames going out as bytes: everything
/// NIOHTTP2 writes is frames (a server sends no preface magic), so following the frame
/// lengths finds each frame header.
final class ErrorGoAwayCloser: ChannelOutboundHandler {
  typealias OutboundIn = IOData
  typealias OutboundOut = IOData

  private static let frameHeaderLength = 9
  private static let goAwayType: UInt8 = 0x7

  /// The frame header being read, while incomplete.
  private var header: [UInt8] = []
  /// Payload bytes of the current frame still to skip.
  private var payloadRemaining = 0
  /// The first 8 payload bytes of a GOAWAY being read (last stream id, error code).
  private var goAwayPayload: [UInt8]?
  private var closeAfterWrite = false

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .byteBuffer(let buffer) = self.unwrapOutboundIn(data) {
      self.scan(buffer)
    }
    guard self.closeAfterWrite else {
      context.write(data, promise: promise)
      return
    }
    self.closeAfterWrite = false
    let written = promise ?? context.eventLoop.makePromise()
    context.writeAndFlush(data, promise: written)
    let channel = context.channel
    written.futureResult.whenComplete { _ in channel.close(promise: nil) }
  }

  /// Follows the frames in `buffer`: payloads are skipped in one step (a relayed response's
  /// megabytes cost nothing), headers and a GOAWAY's first 8 payload bytes are read.
  private func scan(_ buffer: ByteBuffer) {
    var index = buffer.readerIndex
    let end = buffer.writerIndex
    while index < end {
      if self.payloadRemaining > 0 {
        if self.goAwayPayload != nil, let byte = buffer.getInteger(at: index, as: UInt8.self) {
          self.goAwayPayload!.append(byte)
          self.payloadRemaining -= 1
          index += 1
          if self.goAwayPayload!.count == 8 {
            let code = self.goAwayPayload![4...7].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if code != 0 { self.closeAfterWrite = true }
            self.goAwayPayload = nil
          }
          continue
        }
        let skipped = min(self.payloadRemaining, end - index)
        self.payloadRemaining -= skipped
        index += skipped
        continue
      }
      guard let byte = buffer.getInteger(at: index, as: UInt8.self) else { return }
      self.header.append(byte)
      index += 1
      guard self.header.count == Self.frameHeaderLength else { continue }
      let length = Int(self.header[0]) << 16 | Int(self.header[1]) << 8 | Int(self.header[2])
      self.goAwayPayload = self.header[3] == Self.goAwayType && length >= 8 ? [] : nil
      self.payloadRemaining = length
      self.header.removeAll(keepingCapacity: true)
    }
  }
}
