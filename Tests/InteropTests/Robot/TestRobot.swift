import Foundation
import SpotSimulator

/// A simulated Spot for one test: its own data directory (so its CA is fresh), a free port,
/// fast power transitions, and the simulator's default user.
struct TestRobot: Sendable {
  let robot: SimulatedRobot
  let port: Int
  /// `127.0.0.1:port`, the `ROBOT` argument of the robot-mode programs.
  var address: String { "127.0.0.1:\(self.port)" }
  var caPath: String { self.robot.caCertificatePath }

  /// `--robot-ca`, `--username` and `--password` for a robot-mode program.
  var credentialArguments: [String] {
    ["--robot-ca", self.caPath, "--username", "user", "--password", "password"]
  }

  /// The peer scripts' connection arguments (robot_common.py).
  var pythonArguments: [String] {
    ["--port", "\(self.port)", "--ca", self.caPath]
  }

  static func with<Result: Sendable>(
    powerTransition: Duration = .milliseconds(300),
    _ body: (TestRobot) async throws -> Result
  ) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spot-sim-test-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let configuration = SimulatedRobot.Configuration(
      port: 0, dataDirectory: directory, powerTransition: powerTransition)
    return try await withSimulatedRobot(configuration: configuration) { robot, port in
      try await body(TestRobot(robot: robot, port: port))
    }
  }

  /// Starts a robot-mode mission service executable against this robot and waits until it has
  /// registered in the directory.
  func startService(_ executable: String, _ arguments: [String]) async throws -> ChildProcess {
    let child = try ChildProcess(try TestEnvironment.executable(executable), arguments)
    try await child.waitForOutput("Starting directory registration loop", inStderr: true)
    return child
  }

  /// `hello-world-mission-service robot`, registered.
  func startHelloWorld() async throws -> ChildProcess {
    try await self.startService(
      "hello-world-mission-service",
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
        + [self.address])
  }

  /// `power-off-mission-service`, registered.
  func startPowerOff() async throws -> ChildProcess {
    try await self.startService(
      "power-off-mission-service",
      [self.address, "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments)
  }

  /// Runs a peer script and decodes the one JSON object it prints.
  func runPython(_ script: String, _ arguments: [String] = []) async throws -> [String: Any] {
    let result = try await ChildProcess.run(
      try TestEnvironment.python,
      [TestEnvironment.script(script)] + self.pythonArguments + arguments)
    guard result.status == 0 else {
      throw TestEnvironment.SetupError(
        "\(script) failed (\(result.status)):\n\(result.stdout)\n\(result.stderr)")
    }
    return try lastJSONObject(result.stdout)
  }
}
