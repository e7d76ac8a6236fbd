import NIOCore
import NIOEmbedded
import Testing

@testable import GRPCRelay
import SpotSimulator

/// The proxy holds flushes back while it processes a read and sends them once at the end. The
/// danger is a flush held for good (a call that never leaves the proxy), so these check when
/// held flushes go out, on two connections of one event loop.
@Suite("Flush coalescing")
struct FlushCoalescerTests {
  /// Two connections of one loop, each with a gate next to its socket, and a handler on the
  /// client's that relays what it reads to the service's (as the proxy does).
  private final class Connections {
    let loop = EmbeddedEventLoop()
    let coalescer = FlushCoalescer()
    let client: EmbeddedChannel
    let service: EmbeddedChannel

    init() throws {
      self.client = EmbeddedChannel(loop: self.loop)
      self.service = EmbeddedChannel(loop: self.loop)
      try self.service.pipeline.syncOperations.addHandler(FlushGate(coalescer: self.coalescer))
      try self.client.pipeline.syncOperations.addHandlers([
        FlushGate(coalescer: self.coalescer), Relay(to: self.service),
      ])
    }

    /// What the service's socket was given, in order.
    func serviceReceived() throws -> [String] {
      var received: [String] = []
      while let buffer = try self.service.readOutbound(as: ByteBuffer.self) {
        received.append(String(buffer: buffer))
      }
      return received
    }
  }

  /// Writes every read to another channel and flushes it at once, as a stream handler does.
  private final class Relay: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    let target: EmbeddedChannel

    init(to target: EmbeddedChannel) {
      self.target = target
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      self.target.writeAndFlush(self.unwrapInboundIn(data), promise: nil)
    }
  }

  private func buffer(_ text: String) -> ByteBuffer {
    ByteBuffer(string: text)
  }

  @Test("Outside a read, a flush goes out at once")
  func flushOutsideARead() throws {
    let connections = try Connections()
    connections.service.writeAndFlush(self.buffer("ping"), promise: nil)
    #expect(try connections.serviceReceived() == ["ping"])
  }

  @Test("Flushes during a read wait for its end, then go out together")
  func flushesWaitForTheEndOfTheRead() throws {
    let connections = try Connections()
    connections.client.pipeline.fireChannelRead(self.buffer("HEADERS"))
    connections.client.pipeline.fireChannelRead(self.buffer("DATA"))
    #expect(connections.coalescer.isHolding)
    #expect(try connections.serviceReceived() == [])

    connections.client.pipeline.fireChannelReadComplete()
    #expect(!connections.coalescer.isHolding)
    #expect(try connections.serviceReceived() == ["HEADERS", "DATA"])
  }

  @Test("A burst the proxy opens itself holds flushes until it ends")
  func explicitBurst() throws {
    let connections = try Connections()
    connections.coalescer.beginBurst()
    connections.service.writeAndFlush(self.buffer("HEADERS"), promise: nil)
    connections.service.writeAndFlush(self.buffer("DATA"), promise: nil)
    #expect(try connections.serviceReceived() == [])
    connections.coalescer.endBurst()
    #expect(try connections.serviceReceived() == ["HEADERS", "DATA"])
  }

  @Test("Nested bursts release only when the outermost ends")
  func nestedBursts() throws {
    let connections = try Connections()
    connections.coalescer.beginBurst()
    connections.client.pipeline.fireChannelRead(self.buffer("one"))
    connections.client.pipeline.fireChannelReadComplete()
    #expect(try connections.serviceReceived() == [])
    connections.coalescer.endBurst()
    #expect(try connections.serviceReceived() == ["one"])
  }

  @Test("A connection that closes in the middle of a read does not hold flushes for good")
  func closeDuringARead() throws {
    let connections = try Connections()
    connections.client.pipeline.fireChannelRead(self.buffer("last words"))
    #expect(try connections.serviceReceived() == [])
    _ = try connections.client.finish()
    #expect(!connections.coalescer.isHolding)
    #expect(try connections.serviceReceived() == ["last words"])
    // And later flushes are not held either.
    connections.service.writeAndFlush(self.buffer("after"), promise: nil)
    #expect(try connections.serviceReceived() == ["after"])
  }

  @Test("A held flush of a connection that closed meanwhile is dropped quietly")
  func heldFlushOfAClosedConnection() throws {
    let connections = try Connections()
    connections.client.pipeline.fireChannelRead(self.buffer("to nobody"))
    _ = try connections.service.finish(acceptAlreadyClosed: true)
    connections.client.pipeline.fireChannelReadComplete()
    #expect(!connections.coalescer.isHolding)
  }
}
