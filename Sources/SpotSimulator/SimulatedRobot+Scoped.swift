public import Logging

/// Runs a simulated robot for the duration of `body`, then stops it: the form tests and
/// short-lived tools use, like grpc-swift's `withGRPCServer`.
///
/// ```swift
/// try await withSimulatedRobot(configuration: .init(port: 0, dataDirectory: dir)) { robot, port in
///   // connect to 127.0.0.1:port trusting robot.caCertificatePath
/// }
/// ```
///
/// - Parameters:
///   - configuration: How the robot listens and behaves; use port 0 in tests.
///   - logger: Receives the robot's per-call log lines.
///   - body: Runs once the robot listens, with the robot and its TLS port.
/// - Returns: What `body` returns.
public func withSimulatedRobot<Result: Sendable>(
  configuration: SimulatedRobot.Configuration,
  logger: Logger = Logger(label: "spot-sim"),
  _ body: (SimulatedRobot, Int) async throws -> Result
) async throws -> Result {
  let robot = try await SimulatedRobot(configuration: configuration, logger: logger)
  return try await withThrowingTaskGroup(of: Void.self) { group in
    group.addTask { try await robot.run() }
    do {
      let port = try await robot.listeningPort()
      let result = try await body(robot, port)
      group.cancelAll()
      return result
    } catch {
      group.cancelAll()
      throw error
    }
  }
}
