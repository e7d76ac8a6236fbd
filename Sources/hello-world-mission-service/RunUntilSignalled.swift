import BosdynMission
import Logging
import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
  import Glibc
#endif

/// Runs `server` in a service group that shuts down gracefully on SIGINT or SIGTERM, calling
/// `onListening` with the bound port once the server accepts calls.
func runUntilSignalled(
  _ server: RemoteMissionServer,
  logger: Logger,
  onListening: @escaping @Sendable (Int) -> Void
) async throws {
  let group = ServiceGroup(
    services: [server],
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
