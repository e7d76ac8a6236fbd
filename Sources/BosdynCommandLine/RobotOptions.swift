public import ArgumentParser
public import BosdynRobot
public import Logging
import BosdynCore
import SimulatorDefaults

/// How a program reaches and logs in to the robot: `ROBOT`, `--robot-ca`, `--username`,
/// `--password` (Python: `bosdyn.client.util.add_base_arguments`).
///
/// Username and password fall back to `BOSDYN_CLIENT_USERNAME` / `BOSDYN_CLIENT_PASSWORD`,
/// then to a prompt on a terminal; the CA to `BOSDYN_ROBOT_CA`, then to the CA of a simulated
/// robot (`spot-sim`) in its default data directory.
public struct RobotOptions: ParsableArguments, Sendable {
  /// The robot's address as typed.
  @Argument(
    help: ArgumentHelp(
      "The robot: hostname or IP address, with :port when not 443 (e.g. 127.0.0.1:8443).",
      valueName: "robot"
    )
  )
  public var robot: String

  /// A CA certificate file that signed the robot's certificate.
  @Option(
    name: .customLong("robot-ca"),
    help: ArgumentHelp(
      "CA certificate (PEM) that signed the robot's certificate.",
      discussion: "Default: $BOSDYN_ROBOT_CA, else the CA of spot-sim's default data directory.",
      valueName: "path"
    )
  )
  public var robotCA: String?

  /// The user to log in as.
  @Option(help: "User name (default: $BOSDYN_CLIENT_USERNAME, else asked on the terminal).")
  public var username: String?

  /// The password to log in with.
  @Option(help: "Password (default: $BOSDYN_CLIENT_PASSWORD, else asked on the terminal).")
  public var password: String?

  /// Creates the options with their defaults; ArgumentParser fills them in.
  public init() {}

  /// Checks the address now, so a typo is a usage error rather than a connection failure.
  public func validate() throws {
    do {
      _ = try RobotAddress(parsing: self.robot)
    } catch {
      throw ValidationError("\(error)")
    }
  }

  /// The parsed `ROBOT` argument.
  public func address() throws -> RobotAddress {
    try RobotAddress(parsing: self.robot)
  }

  /// How a program connects: trusting `--robot-ca`, else `$BOSDYN_ROBOT_CA`, else the CA of a
  /// `spot-sim` in its default data directory; naming itself `clientName` in request headers.
  public func connectionConfiguration(clientName: String) -> RobotConnection.Configuration {
    .commandLine(robotCA: self.robotCA, clientName: clientName)
  }

  /// A connection to the robot (not yet logged in) that names itself `clientName` in request
  /// headers.
  public func connection(clientName: String, logger: Logger) throws -> RobotConnection {
    try RobotConnection(
      to: self.address(),
      configuration: self.connectionConfiguration(clientName: clientName),
      logger: logger
    )
  }

  /// The username and password from the flags, the environment or the terminal.
  public func credentials() throws -> RobotCredentials {
    try RobotCredentials.resolve(username: self.username, password: self.password)
  }
}

extension RobotConnection.Configuration {
  /// The configuration of a command-line program: the CA from `robotCA` or the environment,
  /// falling back to the CA of a `spot-sim` in its default data directory.
  public static func commandLine(robotCA: String?, clientName: String) -> Self {
    Self(
      certificateAuthorityPath: robotCA,
      fallbackCertificateAuthorityPath: SimulatorDefaults.caCertificatePath,
      clientName: clientName
    )
  }
}
