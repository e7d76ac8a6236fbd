import BosdynCore
public import GRPCCore
public import GRPCNIOTransportHTTP2
public import Logging
public import ServiceLifecycle
import NIOPosix
import Synchronization

/// A connection to one robot (real or simulated): TLS to its API port, one gRPC client per
/// `:authority`, the user token on every call, and the token refreshed before it expires.
///
/// The connection is a swift-service-lifecycle `Service`: put it in a `ServiceGroup` (or use
/// ``withRobotConnection(to:configuration:logger:isolation:_:)``) so that ``run()`` runs the
/// clients' connections and the token refresh. Clients made from it before `run()` starts
/// queue their calls until it does.
///
/// ```swift
/// try await withRobotConnection(to: RobotAddress(parsing: "127.0.0.1:50443")) { robot in
///   try await robot.authenticate(RobotCredentials(username: "user", password: "password"))
///   let entries = try await DirectoryClient(connection: robot).list()
/// }
/// ```
public final class RobotConnection: Service, Sendable {
  /// The robot this connection talks to.
  public let address: RobotAddress
  /// How it talks to it.
  public let configuration: Configuration
  /// Where the connection logs token refreshes and problems.
  public let logger: Logger

  let tokens: TokenStore
  /// The one event loop all of this connection's channels use. Work that prefers its executor
  /// (see ``taskExecutor``) makes calls without changing threads.
  private let loop: SharedEventLoops.Loop
  private let security: HTTP2ClientTransport.Posix.TransportSecurity
  private let state = Mutex(State())
  private let newClients: AsyncStream<GRPCClient<HTTP2ClientTransport.Posix>>
  private let newClientsContinuation:
    AsyncStream<GRPCClient<HTTP2ClientTransport.Posix>>.Continuation

  private struct State {
    var clients: [String: GRPCClient<HTTP2ClientTransport.Posix>] = [:]
    var authorities: [String: String] = [:]
    var isClosed = false
  }

  /// Creates a connection; nothing is sent until a client makes a call and ``run()`` runs.
  ///
  /// - Parameters:
  ///   - address: The robot's address.
  ///   - configuration: The CA to trust, client name, deadlines and token refresh policy.
  ///   - logger: Where to log.
  /// - Throws: ``RobotConnectionError`` when no CA certificate is found.
  public init(
    to address: RobotAddress,
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.robot")
  ) throws {
    self.address = address
    self.configuration = configuration
    self.logger = logger
    let caPath = try configuration.resolvedCertificateAuthorityPath()
    self.security = .tls { tls in
      tls.trustRoots = .certificates([.file(path: caPath, format: .pem)])
      tls.serverCertificateVerification = .fullVerification
    }
    self.tokens = TokenStore()
    self.loop = SharedEventLoops.next()
    (self.newClients, self.newClientsContinuation) = AsyncStream.makeStream(
      bufferingPolicy: .unbounded
    )
  }

  /// The gRPC client for one `:authority`, created on first use and shared afterwards.
  ///
  /// Its transport connects to ``address`` and uses `authority` both as the `:authority`
  /// header and as the TLS server name (SNI and certificate check), so the robot can route the
  /// call. Every call carries `authorization: Bearer <token>` once the connection has a token.
  ///
  /// - Throws: ``RobotConnectionError`` when the connection has been shut down.
  public func grpcClient(authority: String) throws -> GRPCClient<HTTP2ClientTransport.Posix> {
    try self.state.withLock { state in
      guard !state.isClosed else {
        throw RobotConnectionError(
          .connectionClosed,
          "the connection to \(self.address) has been shut down"
        )
      }
      if let client = state.clients[authority] { return client }
      var config = HTTP2ClientTransport.Posix.Config.defaults
      config.http2.authority = authority
      config.connection.flushCoalescing = nil
      config.backoff = .init(
        initial: min(.milliseconds(200), self.configuration.maximumReconnectBackoff),
        max: self.configuration.maximumReconnectBackoff,
        multiplier: 1.6,
        jitter: 0.2
      )
      let transport = try HTTP2ClientTransport.Posix(
        target: self.target,
        transportSecurity: self.security,
        config: config,
        eventLoopGroup: self.loop.group
      )
      let client = GRPCClient(
        transport: transport,
        interceptors: [BearerTokenInterceptor(tokens: self.tokens)]
      )
      state.clients[authority] = client
      self.newClientsContinuation.yield(client)
      return client
    }
  }

  /// The executor of the event loop this connection's channels run on.
  ///
  /// A task that prefers it (`withTaskExecutorPreference(connection.taskExecutor) { … }`) runs
  /// on the same thread as the connection's I/O, so each call and its answer are handled
  /// without a hop between the event loop and Swift's global thread pool, which makes a
  /// sequential tick loop through the robot noticeably faster.
  /// ``withRobotConnection(to:configuration:logger:isolation:_:)`` runs its body that way.
  /// Keep blocking or long CPU-bound work off it: it holds up I/O.
  public var taskExecutor: any TaskExecutor {
    self.loop.executor
  }

  private var target: any ResolvableTarget {
    if self.address.isIPv4Literal {
      return .ipv4(address: self.address.host, port: self.address.port)
    } else if self.address.isIPv6Literal {
      return .ipv6(address: self.address.host, port: self.address.port)
    } else {
      return .dns(host: self.address.host, port: self.address.port)
    }
  }

  /// Runs every client's connections and keeps the user token fresh, until graceful shutdown
  /// (or cancellation). Clients created while it runs join at once.
  public func run() async throws {
    defer { self.shutDown() }
    await withGracefulShutdownHandler {
      await withTaskGroup(of: Void.self) { outer in
        outer.addTask { await self.keepTokenFresh() }
        await withDiscardingTaskGroup { group in
          for await client in self.newClients {
            group.addTask {
              do {
                try await client.runConnections()
              } catch {
                self.logger.warning("Connection to \(self.address) ended: \(error)")
              }
            }
          }
        }
        outer.cancelAll()
      }
    } onGracefulShutdown: {
      self.shutDown()
    }
  }

  /// Closes the connection: clients finish the calls in flight, new calls fail, and ``run()``
  /// returns once they are done. Safe to call more than once.
  public func shutDown() {
    let clients = self.state.withLock { state -> [GRPCClient<HTTP2ClientTransport.Posix>] in
      guard !state.isClosed else { return [] }
      state.isClosed = true
      return Array(state.clients.values)
    }
    for client in clients { client.beginGracefulShutdown() }
    self.newClientsContinuation.finish()
    self.tokens.close()
  }

  /// The authority cached for a directory service name, if looked up before.
  func cachedAuthority(forService name: String) -> String? {
    self.state.withLock { $0.authorities[name] }
  }

  func cacheAuthority(_ authority: String, forService name: String) {
    self.state.withLock { $0.authorities[name] = authority }
  }

  /// Forgets cached authorities, so that the next lookup asks the directory again (after a
  /// service re-registered under another authority).
  public func clearAuthorityCache() {
    self.state.withLock { $0.authorities.removeAll() }
  }
}
