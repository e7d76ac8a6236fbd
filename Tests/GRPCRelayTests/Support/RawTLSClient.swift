import NIOCore
import NIOHTTP2
import NIOPosix
import NIOSSL
import NIOTLS
import SpotSimulator
import Synchronization

/// A bare NIOSSL + NIOHTTP2 client, for what a gRPC client hides: the TLS handshake with
/// hostname verification, and the connection-level frames (GOAWAY) the proxy sends.
final class RawTLSClient: Sendable {
  let channel: any Channel
  let multiplexer: NIOHTTP2Handler.StreamMultiplexer
  private let rootFrames: RootFrameRecorder

  /// Connects to the proxy at `port`, verifying its certificate chains to `caPEM` and names
  /// `serverHostname`; throws when the handshake fails.
  init(port: Int, serverHostname: String, caPEM: String) async throws {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(caPEM.utf8), format: .pem)])
    tls.certificateVerification = .fullVerification
    tls.applicationProtocols = ["h2"]
    let context = try NIOSSLContext(configuration: tls)
    let recorder = RootFrameRecorder()
    let handshake = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Void.self)
    let channel = try await ClientBootstrap(group: handshake.futureResult.eventLoop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            NIOSSLClientHandler(context: context, serverHostname: serverHostname)
          )
          try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(promise: handshake))
          try channel.pipeline.syncOperations.addHandler(
            NIOHTTP2Handler(
              mode: .client,
              eventLoop: channel.eventLoop,
              inboundStreamInitializer: { $0.eventLoop.makeSucceededVoidFuture() }
            )
          )
          try channel.pipeline.syncOperations.addHandler(recorder)
        }
      }
      .connect(host: "127.0.0.1", port: port)
      .get()
    do {
      try await handshake.futureResult.get()
    } catch {
      try? await channel.close()
      throw error
    }
    self.channel = channel
    self.multiplexer = try await channel.pipeline.handler(type: NIOHTTP2Handler.self)
      .flatMapThrowing { try $0.syncMultiplexer() }.get()
    self.rootFrames = recorder
  }

  /// The GOAWAY frames received so far: their last stream IDs.
  var goAwayLastStreamIDs: [Int] { self.rootFrames.goAways.withLock { $0 } }

  func close() async {
    try? await self.channel.close()
  }

  private final class HandshakeWatcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
      if case .handshakeCompleted = event as? TLSUserEvent {
        self.promise.succeed()
      }
      context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      self.promise.fail(error)
      context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.promise.fail(ChannelError.ioOnClosedChannel)
      context.fireChannelInactive()
    }
  }

  private final class RootFrameRecorder: ChannelInboundHandler, Sendable {
    typealias InboundIn = HTTP2Frame
    let goAways = Mutex<[Int]>([])

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      if case .goAway(let lastStreamID, _, _) = self.unwrapInboundIn(data).payload {
        self.goAways.withLock { $0.append(Int(lastStreamID)) }
      }
    }
  }
}
