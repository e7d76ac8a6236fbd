import GRPCCore
import GRPCNIOTransportHTTP2
public import Logging
public import ServiceLifecycle

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
public final class RemoteMissionServer: Service, Sendable {
  private let grpcServer: GRPCServer<HTTP2ServerTransport.Posix>
  private let logger: Logger
  private let name: String

  /// The configuration the server was created with.
  public let configuration: Configuration

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
    var transportConfig = HTTP2ServerTransport.Posix.Config.defaults
    if let delay = configuration.maxFlushDelay {
      transportConfig.connection.flushCoalescing = .init(maxFlushDelay: delay, maxBytes: 64 * 1024)
    } else {
      transportConfig.connection.flushCoalescing = nil
    }
    let transport = HTTP2ServerTransport.Posix(
      address: configuration.host.contains(":")
        ? .ipv6(host: configuration.host, port: configuration.port)
        : .ipv4(host: configuration.host, port: configuration.port),
      transportSecurity: .plaintext,
      config: transportConfig
    )
    self.grpcServer = GRPCServer(
      transport: transport,
      services: [RemoteMissionServiceAdapter(servicer: servicer, logger: logger)]
    )
    self.logger = logger
    self.name = configuration.name ?? String(describing: type(of: servicer))
    self.configuration = configuration
  }

  /// Binds, logs `Started the <name> server.` and serves until ``beginGracefulShutdown()``.
  ///
  /// - Throws: When the address cannot be bound (port in use, bad host).
  public func serve() async throws {
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask {
        try await self.grpcServer.serve()
      }
      // The address resolves once bound; a failed bind throws here and from serve().
      if (try? await self.grpcServer.listeningAddress) != nil {
        self.logger.info("Started the \(self.name) server.")
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

  /// Stops accepting calls and lets in-flight calls finish; safe to call more than once.
  public func beginGracefulShutdown() {
    self.grpcServer.beginGracefulShutdown()
  }

  /// The port the server listens on, once bound: the one the system picked when the
  /// configuration asked for port 0.
  ///
  /// - Throws: When the server failed to bind or stopped before binding.
  public func listeningPort() async throws -> Int {
    guard let address = try await self.grpcServer.listeningAddress else {
      throw RuntimeError(code: .serverIsStopped, message: "The server is not listening.")
    }
    if let ipv4 = address.ipv4 { return ipv4.port }
    if let ipv6 = address.ipv6 { return ipv6.port }
    throw RuntimeError(code: .transportError, message: "The server listens on \(address).")
  }
}
