public import BosdynCore
public import ServiceLifecycle

/// A service built only once a server knows its port, such as a directory keep-alive
/// registering a service started with `--port 0`.
///
/// Its `run()` waits for the port, builds the service and runs it in the same task, so the
/// group's graceful shutdown reaches the built service as if it had been in the group itself.
public struct StartsAfterListening: Service {
  private let server: any ListeningService
  private let makeService: @Sendable (Int) async throws -> any Service

  /// Creates a service that runs once `server` listens.
  ///
  /// - Parameters:
  ///   - server: The server whose port the service needs.
  ///   - makeService: Builds the service from the listening port.
  public init(
    server: some ListeningService,
    makeService: @escaping @Sendable (Int) async throws -> any Service
  ) {
    self.server = server
    self.makeService = makeService
  }

  /// Waits for the server's port, then runs the service built from it. A shutdown while the
  /// service is still being built (a log-in still retrying) ends it quietly.
  public func run() async throws {
    do {
      let port = try await self.server.listeningPort()
      try await self.makeService(port).run()
    } catch  where Task.isCancelled || Task.isShuttingDownGracefully {
      return
    }
  }
}
