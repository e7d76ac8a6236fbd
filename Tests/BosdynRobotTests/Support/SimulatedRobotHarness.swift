import BosdynRobot
import Logging
import SpotSimulator
import TestSupport

/// A ``TestSupport/TestRobot`` and a connection to it, in the shape these tests use: the
/// simulated robot and a (by default logged-in) connection.
///
/// - Parameters:
///   - robotTime: The robot's clock; the real one when `nil`.
///   - clientTime: What the connection's timers wait on; the real clock when `nil`.
func withSimulatedRobotConnection<Result: Sendable>(
  authenticate: Bool = true,
  robotTime: ManualTime? = nil,
  clientTime: ManualTime? = nil,
  configure: (inout SimulatedRobot.Configuration) -> Void = { _ in },
  _ body: (SimulatedRobot, RobotConnection) async throws -> Result
) async throws -> Result {
  try await TestRobot.with(time: robotTime, configure: configure) { test in
    try await test.withConnection(logIn: authenticate, time: clientTime) { connection in
      try await body(test.robot, connection)
    }
  }
}

/// Another client of the same simulated robot, with its own client name and login.
func withOtherClient<Result: Sendable>(
  of simulator: SimulatedRobot,
  clientName: String = "other-client",
  _ body: (RobotConnection) async throws -> Result
) async throws -> Result {
  let test = TestRobot(
    robot: simulator,
    port: try await simulator.listeningPort(),
    dataDirectory: simulator.configuration.dataDirectory
  )
  return try await test.withConnection(clientName: clientName, body)
}

/// A logger that only shows what `BOSDYN_TEST_LOG` asks for.
func quietLogger(_ label: String) -> Logger {
  TestLogging.logger(label)
}
