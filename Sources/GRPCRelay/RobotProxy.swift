public import BosdynCore
public import Logging
import NIOCore
import NIOHTTP2
import NIOPosix
import NIOSSL
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The simulated Spot's front door: a TLS HTTP/2 server that relays every gRPC call, frame by
/// frame, to the plaintext gRPC server its `:authority` names.
///
/// A real Spot serves its own API and proxies calls for payload services registered in its
/// directory behind one TLS port; clients tell them apart by `:authority` (`api.spot.robot`,
/// `hello-world-callback.spot.robot`). The proxy asks a routing closure where each call goes,
/// then either answers with a gRPC status itself or relays HEADERS, DATA, trailers, END_STREAM
/// and resets both ways, unary and streaming alike, with HTTP/2 flow control end to end. Errors
/// carry the texts the Python SDK recognises: an unreachable service is UNAVAILABLE "Failed to
/// connect to remote host" (`ProxyConnectionError`), a silent one DEADLINE_EXCEEDED "504 Gateway
/// Timeout" (`TimedOutError`), a connection lost mid-call UNAVAILABLE "502 Bad Gateway"
/// (`ServiceUnavailableError`).
///
/// Each event loop has its own listening socket, and its own pooled connection to every
/// service, so a call's two streams stay on one thread.
///
/// ```swift
/// let proxy = RobotProxy(
///   configuration: .init(certificateChain: chain, privateKey: key, port: 443),
///   logger: logger
/// ) { call in
///   call.authority == "api.spot.robot"
///     ? .forward(host: "127.0.0.1", port: internalPort, label: "robot")
///     : .reject(code: .unavailable, message: "502 Bad Gateway: no service for \(call.authority)")
/// }
/// try await proxy.run()  // or add it to a ServiceGroup
/// ```
public final class RobotProxy: ListeningService, Sendable {
  private enum State {
    case idle
    case listening(listeners: [any Channel], connections: ConnectionRegistry)
    case stopped
  }

  private struct NotListening: Error, CustomStringConvertible {
    var description: String { "The robot proxy is not listening." }
  }

  private let configuration: Configuration
  private let logger: Logger
  private let route: @Sendable (CallHead) async -> Route
  private let immediateRoute: (@Sendable (CallHead) -> Route?)?
  private let state = Mutex(State.idle)
  private let port = ListeningPort()
  /// Set once shutdown began; `true` when it is graceful.
  private let shutdownRequest = Mutex<Bool?>(nil)

  /// Creates a proxy; nothing happens until ``run()``.
  ///
  /// - Parameters:
  ///   - configuration: Where to listen, the TLS identity and the timeouts.
  ///   - logger: Gets one info line per call (`authority path -> host:port`), warnings for
  ///     refused and failed calls.
  ///   - route: Where each call goes. Called once per call, on the call's event loop; keep it
  ///     quick and avoid hopping to actors, or every call pays for the hop.
  public convenience init(
    configuration: Configuration,
    logger: Logger,
    route: @escaping @Sendable (CallHead) async -> Route
  ) {
    self.init(configuration: configuration, logger: logger, immediateRoute: nil, route: route)
  }

  /// Creates a proxy that first tries to route each call without suspending; nothing happens
  /// until ``run()``.
  ///
  /// Routing through the `async` closure costs each call a hop to a routing task and back;
  /// `immediateRoute` runs inline on the call's event loop instead. Give it the decisions that
  /// need no waiting (a table look-up, a cached token) and let it return `nil` for the rest,
  /// which then go to `route`.
  ///
  /// - Parameters:
  ///   - configuration: Where to listen, the TLS identity and the timeouts.
  ///   - logger: Gets one info line per call, warnings for refused and failed calls.
  ///   - immediateRoute: Where a call goes when that is known at once, else `nil`. Called on
  ///     the event loop: it must not block.
  ///   - route: Where the other calls go.
  public init(
    configuration: Configuration,
    logger: Logger,
    immediateRoute: (@Sendable (CallHead) -> Route?)?,
    route: @escaping @Sendable (CallHead) async -> Route
  ) {
    self.configuration = configuration
    self.logger = logger
    self.immediateRoute = immediateRoute
    self.route = route
  }

  /// Binds and serves until the task is cancelled (connections close at once) or the
  /// surrounding `ServiceGroup` shuts down gracefully (no new connections; calls in flight get
  /// ``Configuration/shutdownGracePeriod`` to finish). Everything the proxy opened is closed
  /// when it returns.
  ///
  /// - Throws: When the TLS identity is unusable or the address cannot be bound.
  public func run() async throws {
    let loops = SharedEventLoops.first(
      max(1, self.configuration.eventLoopCount ?? System.coreCount)
    )
    let eventLoops = loops.map { $0.executor.eventLoop }
    let dispatcher = RouteDispatcher(loops: loops, route: self.route)
    let pool = UpstreamPool(
      loops: eventLoops,
      connectTimeout: self.configuration.upstreamConnectTimeout,
      logger: self.logger
    )
    let connections = ConnectionRegistry(limit: self.configuration.maxConnections)
    let proxyContext = ProxyContext(
      dispatcher: dispatcher,
      immediateRoute: self.immediateRoute,
      pool: pool,
      logger: self.logger,
      responseTimeout: TimeAmount(self.configuration.upstreamResponseTimeout),
      responseTimeoutText: "\(self.configuration.upstreamResponseTimeout)",
      callsPerClient: ClientCallLimiter(limit: self.configuration.maxConcurrentCallsPerClient)
    )

    let port: Int
    let listeners: [any Channel]
    do {
      let sslContext = try self.makeSSLContext()
      (port, listeners) = try await self.bind(
        loops: loops,
        sslContext: sslContext,
        proxyContext: proxyContext,
        connections: connections
      )
    } catch {
      self.finish(with: .failure(error))
      throw error
    }
    guard self.publish(port: port, listeners: listeners, connections: connections) else {
      // Shut down before it started.
      for listener in listeners { try? await listener.close() }
      return
    }
    self.logger.debug("Robot proxy listening on \(self.configuration.host):\(port)")
    defer { self.finish(with: .success(port)) }

    await withDiscardingTaskGroup { group in
      group.addTask { await dispatcher.run() }
      await withTaskCancellationHandler {
        await withGracefulShutdownHandler {
          for listener in listeners { try? await listener.closeFuture.get() }
          await self.drain(connections)
        } onGracefulShutdown: {
          self.beginShutdown(graceful: true)
        }
      } onCancel: {
        self.beginShutdown(graceful: false)
      }
      await pool.closeAll()
      dispatcher.finish()
    }
  }

  /// The port the proxy listens on, once bound; waits for ``run()`` to bind.
  ///
  /// - Throws: When binding failed, or the proxy stopped before it bound.
  public func listeningPort() async throws -> Int {
    try await self.port.value()
  }

  /// Stops accepting connections and lets calls in flight finish within the grace period, as
  /// a `ServiceGroup`'s graceful shutdown does; ``run()`` then returns. Safe to call more than
  /// once, and before ``run()`` (which then returns at once).
  public func beginGracefulShutdown() {
    self.beginShutdown(graceful: true)
  }

  // MARK: Internals

  private func beginShutdown(graceful: Bool) {
    let escalated = self.shutdownRequest.withLock { request -> Bool in
      switch request {
      case nil:
        request = graceful
        return true
      case true?:
        // A cancellation during a graceful shutdown makes it immediate.
        request = graceful
        return !graceful
      case false?:
        return false
      }
    }
    guard escalated else { return }
    let (listeners, connections) = self.state.withLock {
      state -> ([any Channel], ConnectionRegistry?) in
      switch state {
      case .idle:
        state = .stopped
        return ([], nil)
      case .listening(let listeners, let connections):
        return (listeners, connections)
      case .stopped:
        return ([], nil)
      }
    }
    self.port.resolve(.failure(NotListening()))
    for listener in listeners { listener.close(promise: nil) }
    if graceful {
      connections?.quiesceAll()
    } else {
      connections?.closeAll()
    }
  }

  /// Waits for client connections to finish their calls, closing the stragglers once the grace
  /// period is over.
  private func drain(_ connections: ConnectionRegistry) async {
    let grace = self.configuration.shutdownGracePeriod
    await withDiscardingTaskGroup { group in
      group.addTask {
        do {
          try await Task.sleep(for: grace)
          connections.closeAll()
        } catch {
          // Every connection closed in time, or run() was cancelled (which closed them).
          connections.closeAll()
        }
      }
      await connections.waitUntilAllClosed()
      group.cancelAll()
    }
  }

  private func makeSSLContext() throws -> NIOSSLContext {
    var tls = TLSConfiguration.makeServerConfiguration(
      certificateChain: self.configuration.certificateChain.map { .certificate($0) },
      privateKey: .privateKey(self.configuration.privateKey)
    )
    tls.applicationProtocols = ["h2"]
    tls.minimumTLSVersion = .tlsv12
    return try NIOSSLContext(configuration: tls)
  }

  private func bind(
    loops: [SharedEventLoops.Loop],
    sslContext: NIOSSLContext,
    proxyContext: ProxyContext,
    connections: ConnectionRegistry
  ) async throws -> (Int, [any Channel]) {
    let grace = TimeAmount(self.configuration.shutdownGracePeriod)
    let idleTimeout = TimeAmount(self.configuration.idleTimeout)
    let handshakeTimeout = TimeAmount(self.configuration.handshakeTimeout)
    // A connection that has read nothing for the idle timeout plus the longest a call may
    // wait for its answer is closed outright: the idle timeout's GOAWAY alone waits for the
    // peer's acknowledgement for ever.
    let quietLimit = TimeAmount(
      self.configuration.idleTimeout + self.configuration.upstreamResponseTimeout
    )
    let connectionConfiguration = ProxyHTTP2Settings.inboundConnection(
      maxConcurrentStreams: self.configuration.maxConcurrentStreams
    )
    let logger = self.logger
    try PortInUse.check(host: self.configuration.host, port: self.configuration.port)
    var port = self.configuration.port
    var listeners: [any Channel] = []
    do {
      for loop in loops {
        var bootstrap = ServerBootstrap(group: loop.group)
          .serverChannelOption(.backlog, value: 256)
          .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
        if loops.count > 1 {
          bootstrap = bootstrap.serverChannelOption(
            .socketOption(NIOBSDSocket.Option(rawValue: SO_REUSEPORT)),
            value: 1
          )
        }
        let listener =
          try await bootstrap
          .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
          .childChannelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
              guard connections.add(channel) else {
                logger.warning("Refusing a client connection: \(connections.limit) are open")
                channel.close(promise: nil)
                return
              }
              let pipeline = channel.pipeline.syncOperations
              let manager = NIOHTTP2ServerConnectionManagementHandler(
                eventLoop: channel.eventLoop,
                configuration: .init(
                  maxIdleTime: idleTimeout,
                  maxAge: nil,
                  maxGraceTime: grace,
                  keepalive: nil
                )
              )
              guard
                let coalescer = proxyContext.pool.connections(on: channel.eventLoop)?.flushCoalescer
              else {
                throw ChannelError.ioOnClosedChannel
              }
              try pipeline.addHandler(IdleStateHandler(readTimeout: quietLimit))
              try pipeline.addHandler(QuietConnectionCloser())
              try pipeline.addHandler(NIOSSLServerHandler(context: sslContext))
              try pipeline.addHandler(HandshakeDeadline(timeout: handshakeTimeout))
              try pipeline.addHandler(TLSRecordCoalescer())
              try pipeline.addHandler(FlushGate(coalescer: coalescer))
              try pipeline.addHandler(ErrorGoAwayCloser())
              try pipeline.addHandler(
                NIOHTTP2Handler(
                  mode: .server,
                  eventLoop: channel.eventLoop,
                  connectionConfiguration: connectionConfiguration,
                  streamConfiguration: ProxyHTTP2Settings.stream,
                  streamDelegate: manager.http2StreamDelegate,
                  inboundStreamInitializer: { stream in
                    stream.eventLoop.makeCompletedFuture {
                      try stream.pipeline.syncOperations.addHandler(
                        InboundStreamHandler(proxy: proxyContext)
                      )
                    }
                  }
                )
              )
              try pipeline.addHandler(manager)
              try pipeline.addHandler(ClientConnectionErrorLogger(logger: logger))
              connections.applyShutdownState(to: channel)
            }
          }
          .bind(host: self.configuration.host, port: port)
          .get()
        listeners.append(listener)
        if port == 0, let bound = listener.localAddress?.port {
          port = bound
        }
      }
    } catch {
      for listener in listeners { try? await listener.close() }
      throw error
    }
    return (port, listeners)
  }

  private func publish(
    port: Int,
    listeners: [any Channel],
    connections: ConnectionRegistry
  ) -> Bool {
    let started = self.state.withLock { state -> Bool in
      guard case .idle = state else { return false }
      state = .listening(listeners: listeners, connections: connections)
      return true
    }
    guard started else { return false }
    self.port.resolve(.success(port))
    return true
  }

  private func finish(with result: Result<Int, any Error>) {
    self.state.withLock { $0 = .stopped }
    self.port.resolve(result)
  }
}

/// Logs what goes wrong on a client's connection (TLS handshake failures, protocol errors)
/// at debug level; the handlers before it close the connection when they must (NIOSSL on a
/// failed handshake, ``ErrorGoAwayCloser`` after a protocol error).
private final class ClientConnectionErrorLogger: ChannelInboundHandler {
  typealias InboundIn = Any

  private let logger: Logger

  init(logger: Logger) {
    self.logger = logger
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    self.logger.debug(
      "Client connection error: \(error)",
      metadata: ["peer": "\(context.remoteAddress.map { "\($0)" } ?? "?")"]
    )
  }
}
