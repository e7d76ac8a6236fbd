public import BosdynRobot
import Foundation
public import SpotSimulator

/// The one simulated Spot every test suite uses: in-process, its own temporary data directory,
/// a free port, short timeouts, the simulator's default user (`user` / `password`), and, when
/// given, time that moves only when the test advances it.
///
/// ```swift
/// try await TestRobot.with { robot in
///   try await robot.withConnection { connection in
///     _ = try await DirectoryClient(connection: connection).list()
///   }
/// }
/// ```
public struct TestRobot: Sendable {
  /// Wraps a running simulated robot.
  public init(robot: SimulatedRobot, port: Int, dataDirectory: String) {
    self.robot = robot
    self.port = port
    self.dataDirectory = dataDirectory
  }

  /// The simulated robot.
  public let robot: SimulatedRobot
  /// Its TLS port on 127.0.0.1.
  public let port: Int
  /// Where its CA, certificate and signing key are.
  public let dataDirectory: String

  /// `127.0.0.1:port`, the `ROBOT` argument of the robot-mode programs.
  public var address: String { "127.0.0.1:\(self.port)" }

  /// The CA certificate clients trust.
  public var caPath: String { self.robot.caCertificatePath }

  /// `--robot-ca`, `--username` and `--password` for a robot-mode program.
  public var credentialArguments: [String] {
    ["--robot-ca", self.caPath, "--username", "user", "--password", "password"]
  }

  /// Runs `body` with a simulated robot listening on a free port.
  ///
  /// - Parameters:
  ///   - time: The robot's clock; the real one when `nil`.
  ///   - configure: Changes to the test configuration (token lifetime, transitions, users…).
  ///   - body: Runs while the robot serves.
  public static func with<Result: Sendable>(
    time: ManualTime? = nil,
    configure: (inout SimulatedRobot.Configuration) -> Void = { _ in },
    _ body: (TestRobot) async throws -> Result
  ) async throws -> Result {
    let directory = TemporaryFiles.temporaryDirectory("test-robot")
    defer { TemporaryFiles.remove(directory) }
    var configuration = SimulatedRobot.Configuration(
      port: 0,
      dataDirectory: directory,
      powerTransition: .milliseconds(200),
      upstreamConnectTimeout: .seconds(2),
      upstreamResponseTimeout: .seconds(5)
    )
    if let time { configuration.clock = time.clock }
    configure(&configuration)
    return try await withSimulatedRobot(
      configuration: configuration,
      logger: TestLogging.logger("test-robot")
    ) { robot, port in
      try await body(TestRobot(robot: robot, port: port, dataDirectory: directory))
    }
  }

  /// A running connection to this robot, trusting its CA; logged in as the default user unless
  /// `logIn` is false.
  ///
  /// - Parameters:
  ///   - logIn: Whether to log in before `body`.
  ///   - clientName: The name in request headers.
  ///   - time: What the connection's token refresh waits on; the real clock when `nil`.
  ///   - body: Runs with the connection.
  public func withConnection<Result: Sendable>(
    logIn: Bool = true,
    clientName: String = "TestClient",
    time: ManualTime? = nil,
    _ body: (RobotConnection) async throws -> Result
  ) async throws -> Result {
    var configuration = RobotConnection.Configuration(
      certificateAuthorityPath: self.caPath,
      clientName: clientName,
      callTimeout: .seconds(5),
      environment: [:]
    )
    if let time { configuration.clock = time.testClock }
    return try await withRobotConnection(
      to: RobotAddress(parsing: self.address),
      configuration: configuration,
      logger: TestLogging.logger("test-robot-client")
    ) { connection in
      if logIn {
        try await connection.authenticate(username: "user", password: "password")
      }
      return try await body(connection)
    }
  }
}
