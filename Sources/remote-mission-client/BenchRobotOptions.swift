import BosdynClient
import ArgumentParser
import BosdynCommandLine
import BosdynCore
import BosdynRobot
import Logging

/// The robot options of the `bench-*` subcommands: like `RobotOptions`, but the robot is an
/// option (`--robot HOST:PORT`) so that `bench-ticks` can also run without one, and nothing is
/// ever asked on the terminal (benchmarks run unattended).
struct BenchRobotOptions: ParsableArguments {
  @Option(help: "The robot, HOST:PORT (e.g. a spot-sim at 127.0.0.1:8443).")
  var robot: String?

  @Option(
    name: .customLong("robot-ca"),
    help: "CA certificate (PEM) that signed the robot's certificate (default: $BOSDYN_ROBOT_CA)."
  )
  var robotCA: String?

  @Option(help: "User name (default: $BOSDYN_CLIENT_USERNAME).")
  var username: String?

  @Option(help: "Password (default: $BOSDYN_CLIENT_PASSWORD).")
  var password: String?

  func validate() throws {
    guard let robot else { return }
    do {
      _ = try RobotAddress(parsing: robot)
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// Runs `body` with a logged-in connection to `--robot`, closing it afterwards.
  func withConnection<Result: Sendable>(
    clientName: String,
    _ body: (RobotConnection) async throws -> Result
  ) async throws -> Result {
    guard let robot else { throw ValidationError("--robot is required.") }
    let credentials = try RobotCredentials.resolve(
      username: self.username,
      password: self.password,
      prompt: .none
    )
    return try await withRobotConnection(
      to: RobotAddress(parsing: robot),
      configuration: .commandLine(robotCA: self.robotCA, clientName: clientName),
      logger: Logger(label: "remote-mission-client.bench")
    ) { connection in
      try await connection.authenticate(credentials)
      return try await body(connection)
    }
  }
}
