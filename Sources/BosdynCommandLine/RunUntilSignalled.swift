public import BosdynMission
public import Logging
public import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `server` and the services around it in one service group that shuts down gracefully on
/// SIGINT or SIGTERM, calling `onListening` with the bound port once the server accepts calls.
///
/// The group starts `before` first, then the server, then `after`, and shuts them down in the
/// reverse order: a directory keep-alive in `after` unregisters while the server still
/// answers, and the robot connection in `before` outlives both.
///
/// - Parameters:
///   - server: The mission service.
///   - before: Services the server needs, such as the robot connection.
///   - after: Services that need the server, such as the directory keep-alive.
///   - logger: Receives the shutdown line.
///   - onListening: Called once with the listening port.
public func runUntilSignalled(
  _ server: RemoteMissionServer,
  before: [any Service] = [],
  after: [any Service] = [],
  logger: Logger,
  onListening: @escaping @Sendable (Int) -> Void
) async throws {
  let group = ServiceGroup(
    services: before + [server] + after,
    gracefulShutdownSignals: [.sigterm, .sigint],
    logger: Logger(label: "service-group")
  )
  try await withThrowingTaskGroup { tasks in
    tasks.addTask { try await group.run() }
    tasks.addTask {
      let port = try await server.listeningPort()
      onListening(port)
      fflush(nil)
    }
    try await tasks.waitForAll()
  }
  logger.info("Shutting down the server.")
}

/// A service built only once the mission server knows its port, such as a directory keep-alive
/// registering a service started with `--port 0`.
///
/// Its `run()` waits for the port, builds the service and runs it in the same task, so the
/// group's graceful shutdown reaches the built service as if it had been in the group itself.
public struct StartsAfterListening: Service {
  private let server: RemoteMissionServer
  private let makeService: @Sendable (Int) async throws -> any Service

  /// - Parameters:
  ///   - server: The server whose port the service needs.
  ///   - makeService: Builds the service from the listening port.
  public init(
    server: RemoteMissionServer,
    makeService: @escaping @Sendable (Int) async throws -> any Service
  ) {
    self.server = server
    self.makeService = makeService
  }

  /// Waits for the server's port, then runs the service built from it.
  public func run() async throws {
    let port = try await self.server.listeningPort()
    try await self.makeService(port).run()
  }
}
