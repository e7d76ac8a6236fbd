import BosdynAPI
public import BosdynCore
import GRPCCore
import GRPCNIOTransportHTTP2
public import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Hosts a ``RemoteMissionServicer`` over gRPC: the Swift counterpart of the Python
/// `GrpcServiceRunner`.
///
/// It is a swift-service-lifecycle `Service`: run it in a `ServiceGroup` with
/// `gracefulShutdownSignals: [.sigterm, .sigint]` and Ctrl+C drains in-flight calls before the
/// process exits. ``serve()`` runs until ``beginGracefulShutdown()``, as `GRPCServer` does.
///
/// ```swift
/// let server = RemoteMissionServer(servicer: HelloWorldServicer(), configuration: .init(port: 50051))
/// let group = ServiceGroup(
///   services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
///
/// By default the server runs one event loop per core, each with its own listening socket on
/// the shared port, and runs every call's handler on the event loop of its connection (see
/// ``Configuration/eventLoops``): a Tick then never changes threads.
public final class RemoteMissionServer: ListeningService, Sendable {
  private typealias Server = GRPCServer<HTTP2ServerTransport.Posix>

  /// One event loop with its listening socket and gRPC server.
  private struct Shard: Sendable {
    let index: Int
    let server: Server
    let socket: Int32
    let executor: EventLoopTaskExecutor?
  }

  /// Which shards have bound their socket, and whether a shutdown was asked for: a shard is
  /// only told to shut down once its transport has taken its socket over. Shutting a gRPC
  /// server down while its transport is still turning the socket into a NIO channel races
  /// with that hand-over (NIO asserts in debug builds); closing the socket ourselves when the
  /// server refused to start raced the same way.
  private struct Binding {
    var shutdownRequested = false
    var bound: Set<Int> = []
  }

  private enum State {
    case idle
    case listening(shards: [Shard])
    case stopped
  }

  private let state = Mutex(State.idle)
  private let port = ListeningPort()
  private let binding = Mutex(Binding())
  private let service: any RegistrableRPCService
  private let logger: Logger
  private let name: String

  /// The configuration the server was created with.
  public let configuration: Configuration

  /// A random id for this server, which it gives to the directory registration keep-alive's
  /// liveness probe (``/BosdynCore/RegistrationLivenessProbe``).
  ///
  /// Pass it to the keep-alive that registers this server (`runRegistered` does): a service
  /// killed and restarted on the same port then recognises its predecessor's directory entry
  /// as its own address and takes it over at once, instead of taking itself for a second
  /// instance.
  public let instanceID: String

  /// Creates a server; nothing is bound until ``serve()`` or ``run()``.
  ///
  /// - Parameters:
  ///   - servicer: What answers the calls.
  ///   - configuration: Where to listen.
  ///   - logger: Where the server logs start-up and handler failures.
  public init(
    servicer: some RemoteMissionServicer,
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.mission.server")
  ) {
    self.service = RemoteMissionServiceAdapter(servicer: servicer, logger: logger)
    self.instanceID = (0..<4).map { _ in String(UInt32.random(in: .min ... .max), radix: 16) }
      .joined(separator: "-")
    self.logger = logger
    self.name = configuration.name ?? String(describing: type(of: servicer))
    self.configuration = configuration
  }

  /// Binds, logs `Started the <name> server.` and serves until ``beginGracefulShutdown()``.
  ///
  /// - Throws: When the address cannot be bound (port in use, bad host).
  public func serve() async throws {
    let port: Int
    let sockets: [Int32]
    do {
      (port, sockets) = try ReusePortListeners.open(
        host: self.configuration.host,
        port: self.configuration.port,
        count: self.configuration.eventLoops ?? System.coreCount
      )
    } catch {
      self.finish(with: .failure(error))
      throw error
    }
    let shards = self.makeShards(sockets: sockets)
    let started = self.state.withLock { state -> Bool in
      guard case .idle = state else { return false }
      state = .listening(shards: shards)
      return true
    }
    guard started else {
      // Shut down before it started: close the sockets no transport took over.
      for socket in sockets { close(socket) }
      return
    }
    self.port.resolve(.success(port))
    self.logger.info("Started the \(self.name) server.")

    defer { self.finish(with: .success(port)) }
    try await withThrowingDiscardingTaskGroup { group in
      for shard in shards {
        group.addTask(executorPreference: shard.executor) {
          try await withThrowingDiscardingTaskGroup { serving in
            serving.addTask { try await shard.server.serve() }
            // Wait for the transport to own the socket before it may be shut down.
            _ = try await shard.server.listeningAddress
            let shutDownAlready = self.binding.withLock { binding in
              binding.bound.insert(shard.index)
              return binding.shutdownRequested
            }
            if shutDownAlready {
              shard.server.beginGracefulShutdown()
            }
          }
        }
      }
    }
  }

  /// Serves until the surrounding `ServiceGroup` shuts down gracefully; in-flight calls
  /// complete first.
  public func run() async throws {
    try await withGracefulShutdownHandler {
      try await self.serve()
    } onGracefulShutdown: {
      self.beginGracefulShutdown()
    }
  }

  /// Stops accepting calls and lets in-flight calls finish; safe to call more than once, and
  /// before ``serve()`` (which then returns at once).
  public func beginGracefulShutdown() {
    let bound = self.binding.withLock { binding in
      binding.shutdownRequested = true
      return binding.bound
    }
    let shards = self.state.withLock { state -> [Shard] in
      switch state {
      case .idle:
        state = .stopped
        return []
      case .listening(let shards):
        return shards
      case .stopped:
        return []
      }
    }
    self.port.resolve(
      .failure(RuntimeError(code: .serverIsStopped, message: "The server was shut down."))
    )
    // Shards still binding shut themselves down once bound (see `serve()`).
    for shard in shards where bound.contains(shard.index) {
      shard.server.beginGracefulShutdown()
    }
  }

  /// The port the server listens on, once bound: the one the system picked when the
  /// configuration asked for port 0. Waits for ``serve()`` to bind.
  ///
  /// - Throws: When the server failed to bind or stopped before binding.
  public func listeningPort() async throws -> Int {
    try await self.port.value()
  }

  private func finish(with result: Result<Int, any Error>) {
    self.state.withLock { $0 = .stopped }
    self.port.resolve(result)
  }

  private func makeShards(sockets: [Int32]) -> [Shard] {
    var transportConfig = HTTP2ServerTransport.Posix.Config.defaults
    transportConfig.connection.maxIdleTime = self.configuration.idleTimeout
    if let idleTimeout = self.configuration.idleTimeout {
      let silence = TimeAmount(idleTimeout)
      transportConfig.channelDebuggingCallbacks.onAcceptTCPConnection = { channel in
        channel.eventLoop.makeCompletedFuture {
          // First a deadline for the first bytes, then one for any later silence twice the
          // idle timeout long (the idle timeout's GOAWAY waits for the peer's answer).
          try channel.pipeline.syncOperations.addHandlers(
            [
              SilentConnectionDeadline(timeout: silence),
              IdleStateHandler(readTimeout: silence * 2),
              QuietConnectionCloser(),
            ],
            position: .first
          )
        }
      }
    }
    transportConfig.http2.maxConcurrentStreams = self.configuration.maxConcurrentStreams
    if let delay = self.configuration.maxFlushDelay {
      transportConfig.connection.flushCoalescing = .init(maxFlushDelay: delay, maxBytes: 64 * 1024)
    } else {
      transportConfig.connection.flushCoalescing = nil
    }
    let probeResponder = RegistrationProbeResponder(
      serviceName: Bosdyn_Api_Mission_RemoteMissionService.descriptor.fullyQualifiedService,
      instanceID: self.instanceID
    )
    return zip(sockets, SharedEventLoops.first(sockets.count)).enumerated().map {
      index,
      element in
      let (socket, loop) = element
      let transport = HTTP2ServerTransport.Posix(
        listeningSocketDescriptor: Int(socket),
        transportSecurity: .plaintext,
        config: transportConfig,
        eventLoopGroup: loop.group
      )
      return Shard(
        index: index,
        server: Server(transport: transport, services: [self.service, probeResponder]),
        socket: socket,
        executor: self.configuration.handlersOnEventLoops ? loop.executor : nil
      )
    }
  }
}
