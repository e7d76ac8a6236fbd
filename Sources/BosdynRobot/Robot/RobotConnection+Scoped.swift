public import Logging

/// Runs a ``RobotConnection`` for the duration of `body`, then shuts it down gracefully and
/// waits for its connections to close (like grpc-swift's `withGRPCClient`), at most
/// ``RobotConnection/Configuration/shutdownGracePeriod``: a connection still being made to a
/// robot that accepted TCP but never answers TLS ignores a graceful shutdown (for more than a
/// minute), so after the grace period it is cancelled.
///
/// `body` and the connection's own work prefer the connection's
/// ``RobotConnection/taskExecutor``, so calls are made and answered on one thread (unless
/// `body` is isolated to an actor, which then decides).
///
/// ```swift
/// let info = try await withRobotConnection(to: RobotAddress(parsing: "127.0.0.1:50443")) {
///   robot in
///   try await RobotIdClient(connection: robot).id()
/// }
/// ```
///
/// - Parameters:
///   - address: The robot's address.
///   - configuration: The CA to trust, client name, deadlines and token refresh policy.
///   - logger: Where the connection logs.
///   - isolation: The actor `body` runs on; the caller's by default.
///   - body: Work to do with the running connection.
/// - Returns: What `body` returns.
public func withRobotConnection<Result: Sendable>(
  to address: RobotAddress,
  configuration: RobotConnection.Configuration = .defaults,
  logger: Logger = Logger(label: "bosdyn.robot"),
  isolation: isolated (any Actor)? = #isolation,
  _ body: (RobotConnection) async throws -> Result
) async throws -> Result {
  let connection = try RobotConnection(to: address, configuration: configuration, logger: logger)
  return try await withTaskExecutorPreference(connection.taskExecutor, isolation: isolation) {
    try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
      group.addTask { try await connection.run() }
      let result: Swift.Result<Result, any Error>
      do {
        result = .success(try await body(connection))
      } catch {
        result = .failure(error)
      }
      connection.shutDown()
      let grace = configuration.shutdownGracePeriod
      let clock = configuration.clock
      group.addTask { try? await clock.sleep(for: grace) }
      // Whichever ends first: the connections closing, or the grace period.
      let closed: Swift.Result<Void, any Error>
      do {
        try await group.next()
        closed = .success(())
      } catch {
        closed = .failure(error)
      }
      group.cancelAll()
      try await group.waitForAll()
      try closed.get()
      return try result.get()
    }
  }
}
