import BosdynRobot
import Foundation
import SpotSimulator
import TestSupport

/// An in-process simulated Spot for one test: its own temporary data directory, a free
/// port, short timeouts, and the simulator's default user (`user` / `password`).
struct TestRobot: Sendable {
  let robot: SimulatedRobot
  let port: Int
  let dataDirectory: String

  /// `127.0.0.1:port`, the `ROBOT` argument of the robot-mode programs.
  var address: String { "127.0.0.1:\(self.port)" }
  var caPath: String { self.robot.caCertificatePath }

  /// `--robot-ca`, `--username` and `--password` for a robot-mode program.
  var credentialArguments: [String] {
    ["--robot-ca", self.caPath, "--username", "user", "--password", "password"]
  }

  /// The connection arguments of the peer scripts (robot_common.py).
  var pythonArguments: [String] {
    ["--port", "\(self.port)", "--ca", self.caPath]
  }

  /// Runs `body` with a simulated robot listening on a free port.
  static func with<Result: Sendable>(
    tokenLifetime: Duration = .seconds(3600),
    powerTransition: Duration = .milliseconds(200),
    upstreamConnectTimeout: Duration = .seconds(2),
    _ body: (TestRobot) async throws -> Result
  ) async throws -> Result {
    let directory = TemporaryFiles.temporaryDirectory("fault-sim")
    defer { TemporaryFiles.remove(directory) }
    let configuration = SimulatedRobot.Configuration(
      port: 0,
      dataDirectory: directory,
      tokenLifetime: tokenLifetime,
      powerTransition: powerTransition,
      upstreamConnectTimeout: upstreamConnectTimeout,
      upstreamResponseTimeout: .seconds(5)
    )
    return try await withSimulatedRobot(configuration: configuration) { robot, port in
      try await body(TestRobot(robot: robot, port: port, dataDirectory: directory))
    }
  }

  /// A running connection to this robot, trusting its CA; logged in as the default user unless
  /// `logIn` is false.
  func withConnection<Result: Sendable>(
    logIn: Bool = true,
    clientName: String = "FaultTests",
    _ body: (RobotConnection) async throws -> Result
  ) async throws -> Result {
    try await withRobotConnection(
      to: RobotAddress(parsing: self.address),
      configuration: .init(
        certificateAuthorityPath: self.caPath,
        clientName: clientName,
        callTimeout: .seconds(5),
        environment: [:]
      )
    ) { connection in
      if logIn {
        try await connection.authenticate(username: "user", password: "password")
      }
      return try await body(connection)
    }
  }

  /// Runs a peer script (in Tests/InteropTests/Python) against this robot and decodes the JSON
  /// object it prints last.
  func runPython(_ script: String, _ arguments: [String] = []) async throws -> [String: Any] {
    let result = try await ChildProcess.run(
      try TestEnvironment.python,
      [TestEnvironment.script(script)] + self.pythonArguments + arguments,
      timeout: .seconds(30)
    )
    guard result.status == 0 else {
      throw TestEnvironment.SetupError(
        "\(script) failed (\(result.status)):\n\(result.stdout)\n\(result.stderr)"
      )
    }
    return try lastJSONObject(result.stdout)
  }

  /// Starts `hello-world-mission-service robot` against this robot on a free port.
  func startHelloWorld() throws -> ChildProcess {
    try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
        + [self.address]
    )
  }

  /// Starts a robot-mode mission service executable against this robot and waits until it has
  /// registered in the directory.
  func startRegisteredService(_ executable: String, _ arguments: [String]) async throws
    -> ChildProcess
  {
    let child = try ChildProcess(try TestEnvironment.executable(executable), arguments)
    try await child.waitForOutput("Starting directory registration loop", inStderr: true)
    return child
  }

  /// `hello-world-mission-service robot` on a free port, once it has registered.
  func startRegisteredHelloWorld() async throws -> ChildProcess {
    try await self.startRegisteredService(
      "hello-world-mission-service",
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
        + [self.address]
    )
  }

  /// `power-off-mission-service` on a free port, once it has registered.
  func startRegisteredPowerOff() async throws -> ChildProcess {
    try await self.startRegisteredService(
      "power-off-mission-service",
      [self.address, "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
    )
  }
}

/// Temporary directories for simulator data.
enum TemporaryFiles {
  static func temporaryDirectory(_ prefix: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
  }

  static func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
