import BosdynAPI
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import GRPCRelay
import NIOCore
import NIOHPACK
import NIOHTTP2
import NIOPosix
import NIOSSL
import NIOTLS
import SpotSimulator
import Synchronization
import TestSupport
import Testing

/// What one client may cost the proxy: bounded calls, connections, handshake and idle time,
/// and a socket closed after a protocol error; every other client keeps being served.
@Suite("Robot proxy limits", .serialized)
struct RobotProxyLimitsTests {
  private typealias MissionClient = Bosdyn_Api_Mission_MissionService.Client<
    HTTP2ClientTransport.Posix
  >
  private typealias RobotIdClient = Bosdyn_Api_RobotIdService.Client<HTTP2ClientTransport.Posix>

  @Test("Garbage or HTTP/1.1 after the TLS handshake gets the socket closed, not left open")
  func garbageClosesTheConnection() async throws {
    try await withRobotProxy(routes: ProxyRouteTable()) { _, port in
      for garbage in [
        "GET / HTTP/1.1\r\nHost: robot\r\n\r\n", String(repeating: "\u{0}x", count: 64),
      ] {
        let client = try await TLSBytesClient(port: port)
        client.send(garbage)
        try await waitUntil("the proxy to close the connection") { !client.channel.isActive }
      }
      // And it keeps serving.
      try await withProxyClient(port: port) { client in
        await #expect(throws: RPCError.self) {
          _ = try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
        }
      }
    }
  }

  @Test("A socket that never completes the TLS handshake is closed after the handshake timeout")
  func silentSocketsAreClosed() async throws {
    try await withRobotProxy(
      routes: ProxyRouteTable(),
      configure: { $0.handshakeTimeout = .milliseconds(200) }
    ) { _, port in
      let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .connect(host: "127.0.0.1", port: port).get()
      try await waitUntil("the proxy to close the silent socket") { !channel.isActive }
    }
  }

  @Test("A connection without calls is ended (GOAWAY, close) after the idle timeout")
  func idleConnectionsAreEnded() async throws {
    try await withRobotProxy(
      routes: ProxyRouteTable(),
      configure: { $0.idleTimeout = .milliseconds(300) }
    ) { _, port in
      let client = try await RawTLSClient(
        port: port,
        serverHostname: "api.spot.robot",
        caPEM: ProxyTestCertificates.shared.caCertificatePEM
      )
      try await waitUntil("a GOAWAY") { !client.goAwayLastStreamIDs.isEmpty }
      try await waitUntil("the connection to close") { !client.channel.isActive }
    }
  }

  @Test("Connections beyond the limit are closed at once; those within keep working")
  func connectionLimit() async throws {
    let routes = ProxyRouteTable()
    try await withUpstreamServer { upstreamPort in
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes, configure: { $0.maxConnections = 2 }) { _, port in
        let first = try await TLSBytesClient(port: port)
        let second = try await TLSBytesClient(port: port)
        let refused = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
          .connect(host: "127.0.0.1", port: port).get()
        try await waitUntil("the third connection to be closed") { !refused.isActive }
        #expect(first.channel.isActive && second.channel.isActive)
        try? await second.channel.close()
        // A slot is free again: a gRPC client gets through.
        try await waitUntil("a call to get through once a connection closed") {
          (try? await withProxyClient(port: port) { client in
            try await RobotIdClient(wrapping: client).getRobotId(Bosdyn_Api_RobotIdRequest())
          }) != nil
        }
        try? await first.channel.close()
      }
    }
  }

  @Test("A client at its limit of calls in flight gets RESOURCE_EXHAUSTED; other clients do not")
  func callsPerClientLimit() async throws {
    let counters = SleepCounters()
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    )
    try await withGRPCServer(
      transport: transport,
      services: [EchoRobotIdService(), SleepingStateService(counters: counters)]
    ) { server in
      let upstreamPort = try #require(try await server.listeningAddress?.ipv4?.port)
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(routes: routes, configure: { $0.maxConcurrentCallsPerClient = 3 }) {
        _,
        port in
        try await withProxyClient(port: port) { client in
          let greedy: Metadata = ["authorization": "Bearer greedy"]
          try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<3 {
              group.addTask {
                _ = try? await MissionClient(wrapping: client).getState(
                  request: ClientRequest(message: .init(), metadata: greedy)
                ) { try $0.message }
              }
            }
            try await waitUntil("three sleeping calls") { counters.started >= 3 }
            let error = await #expect(throws: RPCError.self) {
              _ = try await RobotIdClient(wrapping: client).getRobotId(
                request: ClientRequest(message: .init(), metadata: greedy)
              ) { try $0.message }
            }
            #expect(error?.code == .resourceExhausted)
            #expect(
              error?.message.contains("3 calls in flight") == true,
              "\(String(describing: error))"
            )
            // Another client (another token) is served meanwhile.
            let other = try await RobotIdClient(wrapping: client).getRobotId(
              request: ClientRequest(message: .init(), metadata: ["authorization": "Bearer other"])
            ) { try $0.message }
            #expect(other.robotID.computerSerialNumber == "echo")
            counters.release()
            try await group.waitForAll()
          }
          // The greedy client's calls ended: it is served again.
          let again = try await RobotIdClient(wrapping: client).getRobotId(
            request: ClientRequest(message: .init(), metadata: greedy)
          ) { try $0.message }
          #expect(again.robotID.computerSerialNumber == "echo")
        }
      }
      counters.release()
    }
  }
}

extension RobotProxyLimitsTests {
  @Test(
    "The response deadline counts from the call's start: trickling request bytes does not extend it"
  )
  func trickleDoesNotExtendTheDeadline() async throws {
    let counters = SleepCounters()
    let transport = HTTP2ServerTransport.Posix(
      address: .ipv4(host: "127.0.0.1", port: 0),
      transportSecurity: .plaintext
    )
    try await withGRPCServer(
      transport: transport,
      services: [SleepingStateService(counters: counters)]
    ) {
      server in
      let upstreamPort = try #require(try await server.listeningAddress?.ipv4?.port)
      let routes = ProxyRouteTable()
      routes["api.spot.robot"] = .forward(host: "127.0.0.1", port: upstreamPort, label: "robot")
      try await withRobotProxy(
        routes: routes,
        configure: { $0.upstreamResponseTimeout = .milliseconds(500) }
      ) { _, port in
        let client = try await RawTLSClient(
          port: port,
          serverHostname: "api.spot.robot",
          caPEM: ProxyTestCertificates.shared.caCertificatePEM
        )
        let statuses = StatusRecorder()
        let stream = try await client.multiplexer.createStreamChannel { channel in
          channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(statuses)
          }
        }.get()
        let headers: HPACKHeaders = [
          ":method": "POST", ":scheme": "https", ":authority": "api.spot.robot",
          ":path": "/bosdyn.api.mission.MissionService/GetState",
          "content-type": "application/grpc", "te": "trailers",
        ]
        try await stream.writeAndFlush(HTTP2Frame.FramePayload.headers(.init(headers: headers)))
        // An empty message every 100 ms, for up to 20 times the deadline.
        for _ in 0..<100 where statuses.grpcStatus == nil {
          let message = ByteBuffer(bytes: [0, 0, 0, 0, 0])
          try? await stream.writeAndFlush(
            HTTP2Frame.FramePayload.data(.init(data: .byteBuffer(message)))
          )
          try await Task.sleep(for: .milliseconds(100))
        }
        #expect(statuses.grpcStatus == "4", "DEADLINE_EXCEEDED while the client still trickled")
        #expect(statuses.message?.contains("504") == true)
        await client.close()
      }
      counters.release()
    }
  }
}

extension RobotProxyLimitsTests {
  @Test("A request without :authority gets an error status at once, not silence")
  func noAuthorityIsAnswered() async throws {
    try await withRobotProxy(routes: ProxyRouteTable()) { _, port in
      let client = try await RawTLSClient(
        port: port,
        serverHostname: "api.spot.robot",
        caPEM: ProxyTestCertificates.shared.caCertificatePEM
      )
      let statuses = StatusRecorder()
      let stream = try await client.multiplexer.createStreamChannel { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(statuses)
        }
      }.get()
      let headers: HPACKHeaders = [
        ":method": "POST", ":scheme": "https",
        ":path": "/bosdyn.api.RobotIdService/GetRobotId",
        "content-type": "application/grpc", "te": "trailers",
      ]
      try await stream.writeAndFlush(
        HTTP2Frame.FramePayload.headers(.init(headers: headers, endStream: true))
      )
      try await waitUntil("an answer") { statuses.grpcStatus != nil }
      #expect(statuses.grpcStatus == "14")
      await client.close()
    }
  }
}

extension RobotProxyLimitsTests {
  @Test("A client that speaks HTTP/2, then never answers again, is closed after the idle timeout")
  func quietPeersAreClosed() async throws {
    try await withRobotProxy(
      routes: ProxyRouteTable(),
      configure: {
        $0.idleTimeout = .milliseconds(300)
        $0.upstreamResponseTimeout = .milliseconds(300)
      }
    ) { _, port in
      let client = try await TLSBytesClient(port: port)
      // The client preface and an empty SETTINGS frame; then nothing, not even acknowledgements.
      client.send("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
      client.send(bytes: [0, 0, 0, 4, 0, 0, 0, 0, 0])
      try await waitUntil("the proxy to close the quiet connection") { !client.channel.isActive }
    }
  }

}

/// Records the `grpc-status` (and message) of the HEADERS a raw stream receives.
private final class StatusRecorder: ChannelInboundHandler, Sendable {
  typealias InboundIn = HTTP2Frame.FramePayload
  private let seen = Mutex<(status: String?, message: String?)>((nil, nil))

  var grpcStatus: String? { self.seen.withLock { $0.status } }
  var message: String? { self.seen.withLock { $0.message } }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    guard case .headers(let headers) = self.unwrapInboundIn(data),
      let status = headers.headers.first(name: "grpc-status")
    else { return }
    let message = headers.headers.first(name: "grpc-message")
    self.seen.withLock { $0 = (status, message) }
  }
}

/// A TLS connection to the proxy that sends raw bytes instead of HTTP/2.
private final class TLSBytesClient: Sendable {
  let channel: any Channel

  init(port: Int) async throws {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.trustRoots = .certificates([
      try NIOSSLCertificate(
        bytes: Array(ProxyTestCertificates.shared.caCertificatePEM.utf8),
        format: .pem
      )
    ])
    tls.applicationProtocols = ["h2"]
    let context = try NIOSSLContext(configuration: tls)
    let handshake = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Void.self)
    self.channel = try await ClientBootstrap(group: handshake.futureResult.eventLoop)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(
            NIOSSLClientHandler(context: context, serverHostname: "api.spot.robot")
          )
          try channel.pipeline.syncOperations.addHandler(Watcher(handshake: handshake))
        }
      }
      .connect(host: "127.0.0.1", port: port).get()
    try await handshake.futureResult.get()
  }

  func send(_ text: String) {
    self.channel.writeAndFlush(ByteBuffer(string: text), promise: nil)
  }

  func send(bytes: [UInt8]) {
    self.channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: nil)
  }

  private final class Watcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let handshake: EventLoopPromise<Void>

    init(handshake: EventLoopPromise<Void>) { self.handshake = handshake }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
      if case .handshakeCompleted = event as? TLSUserEvent { self.handshake.succeed() }
      context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
      self.handshake.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.handshake.fail(ChannelError.ioOnClosedChannel)
    }
  }
}
