public import BosdynCore
public import Logging
public import ServiceLifecycle
import UnixSignals

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs `service` and the services around it in one service group that shuts down gracefully
/// on SIGINT or SIGTERM, calling `onListening` with the bound port once the service accepts
/// calls. Every program of this package runs this way: mission services and the simulated
/// robot alike.
///
/// The group starts `before` first, then the service, then `after`, and shuts them down in the
/// reverse order: a directory keep-alive in `after` unregisters while the server still
/// answers, and the robot connection in `before` outlives both. A graceful shutdown that takes
/// longer than ``gracefulShutdownLimit`` (a call that will not end, a robot that does not
/// answer the unregistration) turns into cancellation, so the program always exits. Beside
/// them, the heap freed after a burst of load is handed back to the system every 10 s, so RSS
/// comes back down.
///
/// - Parameters:
///   - service: The server, such as a `RemoteMissionServer` or a `SimulatedRobot`.
///   - before: Services the server needs, such as the robot connection.
///   - after: Services that need the server, such as the directory keep-alive.
///   - logger: Receives the shutdown line.
///   - onListening: Called once with the listening port.
public func runUntilSignalled(
  _ service: some ListeningService,
  before: [any Service] = [],
  after: [any Service] = [],
  logger: Logger,
  onListening: @escaping @Sendable (Int) -> Void
) async throws {
  var configuration = ServiceGroupConfiguration(
    services: (before + [service] + after + [HeapTrimmer()]).map {
      ServiceGroupConfiguration.ServiceConfiguration(service: $0)
    },
    gracefulShutdownSignals: [.sigterm, .sigint],
    logger: Logger(label: "service-group")
  )
  configuration.maximumGracefulShutdownDuration = gracefulShutdownLimit
  configuration.maximumCancellationDuration = .seconds(1)
  let group = ServiceGroup(configuration: configuration)
  try await withThrowingTaskGroup { tasks in
    tasks.addTask { try await group.run() }
    tasks.addTask {
      let port = try await service.listeningPort()
      onListening(port)
      fflush(nil)
    }
    try await tasks.waitForAll()
  }
  logger.info("Shutting down the server.")
}

/// How long the services of ``runUntilSignalled(_:before:after:logger:onListening:)`` get to
/// finish after SIGINT/SIGTERM before they are cancelled: enough to unregister and answer the
/// calls in flight, short enough that a program always ends within a few seconds of Ctrl+C.
public let gracefulShutdownLimit: Duration = .seconds(2)
