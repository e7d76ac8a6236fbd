import BosdynRobot
import Foundation
import Logging
import SpotSimulator

/// Runs a simulated robot on a free loopback port with fast power transitions, and a robot
/// connection to it, for the duration of `body`.
func withSimulatedRobotConnection<Result: Sendable>(
  users: [String: String] = ["user": "password"],
  authenticate: Bool = true,
  configure: (inout SimulatedRobot.Configuration) -> Void = { _ in },
  _ body: (SimulatedRobot, RobotConnection) async throws -> Result
) async throws -> Result {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("bosdyn-robot-tests-\(UUID().uuidString)").path
  defer { try? FileManager.default.removeItem(atPath: directory) }
  var configuration = SimulatedRobot.Configuration(
    host: "127.0.0.1",
    port: 0,
    dataDirectory: directory,
    users: users,
    powerTransition: .milliseconds(200)
  )
  configure(&configuration)
  let robot = try await SimulatedRobot(configuration: configuration, logger: quietLogger("sim"))
  return try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
    group.addTask { try await robot.run() }
    defer { group.cancelAll() }
    let port = try await robot.listeningPort()
    return try await withRobotConnection(
      to: RobotAddress(host: "127.0.0.1", port: port),
      configuration: .init(certificateAuthorityPath: robot.caCertificatePath),
      logger: quietLogger("robot")
    ) { connection in
      if authenticate {
        try await connection.authenticate(username: "user", password: "password")
      }
      return try await body(robot, connection)
    }
  }
}

/// A logger that only shows errors, so test output stays readable.
func quietLogger(_ label: String) -> Logger {
  var logger = Logger(label: label)
  logger.logLevel = .error
  return logger
}

/// Another client of the same simulated robot, with its own client name and login.
func withOtherClient<Result: Sendable>(
  of simulator: SimulatedRobot,
  clientName: String = "other-client",
  _ body: (RobotConnection) async throws -> Result
) async throws -> Result {
  let port = try await simulator.listeningPort()
  return try await withRobotConnection(
    to: RobotAddress(host: "127.0.0.1", port: port),
    configuration: .init(
      certificateAuthorityPath: simulator.caCertificatePath,
      clientName: clientName
    ),
    logger: quietLogger("other")
  ) { connection in
    try await connection.authenticate(username: "user", password: "password")
    return try await body(connection)
  }
}
