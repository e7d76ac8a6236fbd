import NIOCore
import NIOEmbedded
import Testing

@testable import GRPCRelay
import SpotSimulator

/// The proxy joins the writes of one flush so that TLS sends them as one record. The dangers
/// are bytes reordered, lost or held past a flush, and promises that never complete; these
/// look at what reaches the TLS handler's place in the pipeline.
@Suite("TLS record coalescing")
struct TLSRecordCoalescerTests {
  private func channel() throws -> EmbeddedChannel {
    let channel = EmbeddedChannel()
    try channel.pipeline.syncOperations.addHandler(TLSRecordCoalescer())
    return channel
  }

  /// The buffers that left the coalescer, in order, as text.
  private func written(_ channel: EmbeddedChannel) throws -> [String] {
    var written: [String] = []
    while let buffer = try channel.readOutbound(as: ByteBuffer.self) {
      written.append(String(buffer: buffer))
    }
    return written
  }

  @Test("The writes of one flush leave as one buffer, in order, only when flushed")
  func joinsUntilFlush() throws {
    let channel = try self.channel()
    channel.write(ByteBuffer(string: "HEADERS|"), promise: nil)
    channel.write(ByteBuffer(string: "DATA-header|"), promise: nil)
    channel.write(ByteBuffer(string: "DATA-payload|"), promise: nil)
    #expect(try self.written(channel).isEmpty)
    channel.flush()
    #expect(try self.written(channel) == ["HEADERS|DATA-header|DATA-payload|"])
    channel.write(ByteBuffer(string: "trailers"), promise: nil)
    channel.flush()
    #expect(try self.written(channel) == ["trailers"])
    _ = try channel.finish()
  }

  @Test("Every joined write's promise completes when the joined buffer is written")
  func promisesFollowTheJoinedWrite() throws {
    let channel = try self.channel()
    let first = channel.eventLoop.makePromise(of: Void.self)
    let second = channel.eventLoop.makePromise(of: Void.self)
    var completed = 0
    first.futureResult.assumeIsolated().whenSuccess { completed += 1 }
    second.futureResult.assumeIsolated().whenSuccess { completed += 1 }
    channel.write(ByteBuffer(string: "a"), promise: nil)
    channel.write(ByteBuffer(string: "b"), promise: first)
    channel.write(ByteBuffer(string: "c"), promise: second)
    channel.embeddedEventLoop.run()
    #expect(completed == 0)
    channel.flush()
    channel.embeddedEventLoop.run()
    #expect(completed == 2)
    #expect(try self.written(channel) == ["abc"])
    _ = try channel.finish()
  }

  @Test("No buffer grows past a full record, and a large write passes through whole")
  func recordSizedBuffers() throws {
    let channel = try self.channel()
    let size = TLSRecordCoalescer.recordSize
    let small = String(repeating: "s", count: size / 2 + 1)
    let large = String(repeating: "L", count: size + 1)
    channel.write(ByteBuffer(string: small), promise: nil)
    channel.write(ByteBuffer(string: small), promise: nil)  // Would pass a record: not joined.
    channel.write(ByteBuffer(string: "x"), promise: nil)
    channel.write(ByteBuffer(string: large), promise: nil)
    channel.write(ByteBuffer(string: "y"), promise: nil)
    channel.flush()
    let written = try self.written(channel)
    #expect(written.map(\.count) == [size / 2 + 1, size / 2 + 2, size + 1, 1])
    #expect(written.joined() == small + small + "x" + large + "y")
    #expect(written.allSatisfy { $0.count <= size || $0 == large })
    _ = try channel.finish()
  }

  /// Stands where the TLS handler is: records the outbound events that reach it.
  private final class Recorder: ChannelOutboundHandler {
    typealias OutboundIn = ByteBuffer
    var events: [String] = []

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
      let text = String(buffer: self.unwrapOutboundIn(data))
      self.events.append("write \(text)" + (promise == nil ? "" : " with promise"))
      context.write(data, promise: promise)
    }

    func close(context: ChannelHandlerContext, mode: CloseMode, promise: EventLoopPromise<Void>?) {
      self.events.append("close")
      context.close(mode: mode, promise: promise)
    }
  }

  @Test("Closing hands the joined writes, with their promise, to the TLS handler first")
  func closeDoesNotStrandWrites() throws {
    let channel = EmbeddedChannel()
    let recorder = Recorder()
    try channel.pipeline.syncOperations.addHandlers([recorder, TLSRecordCoalescer()])
    channel.write(ByteBuffer(string: "a"), promise: nil)
    let promise = channel.eventLoop.makePromise(of: Void.self)
    channel.write(ByteBuffer(string: "b"), promise: promise)
    try channel.close().wait()
    #expect(recorder.events == ["write ab with promise", "close"])
    // EmbeddedChannel leaves unflushed writes' promises alone when it closes (NIOSSL fails
    // them); complete it so that it does not leak.
    promise.succeed()
  }
}
