import ArgumentParser
import BosdynCore
import BosdynServiceRunner
import Foundation
import Logging
import SimulatorDefaults
import SpotConsole
import SpotSimulator

extension SpotSimCommand {
  /// `spot-sim [run]`: the simulated Spot itself, until SIGINT or SIGTERM.
  struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a simulated Spot that speaks the robot's gRPC API over TLS (the default).",
      discussion: """
        One TLS port serves the robot's API the way a Spot does: calls are routed by their \
        :authority — the robot's own (api.spot.robot, auth.spot.robot, id.spot.robot, …) to the \
        simulated services, a registered service's (e.g. hello-world-callback.spot.robot) to the \
        host and port it registered. Simulated: auth with signed JWT bearer tokens, robot id, \
        time sync, directory and directory registration (with liveness), leases, power, robot \
        command (safe power off), robot state, estop, keepalive.

        On first start it creates a CA and a server certificate (for api/auth/id/\
        payload-registration.spot.robot and *.spot.robot) and a token-signing key in the data \
        directory, and reuses them afterwards. It prints the CA's path: clients trust it with \
        --robot-ca or BOSDYN_ROBOT_CA, and the programs of this package trust the default data \
        directory's CA without either.

        Connect with e.g.:
          bosdyn --username user --password password 127.0.0.1:8443 id
          BOSDYN_CLIENT_USERNAME=user BOSDYN_CLIENT_PASSWORD=password \\
            hello-world-mission-service robot --host-ip 127.0.0.1 --port 50051 127.0.0.1:8443
        The Python SDK connects with sdk.load_robot_cert(CA), \
        robot.update_secure_channel_port(PORT) and robot.authenticate(USER, PASSWORD).
        """
    )

    @Option(help: "The TLS port (default: 443 as root, else 8443). 0 picks a free port.")
    var port: Int = SimulatedRobot.Configuration.defaultPort

    @Option(
      help: """
        The address to listen on. Loopback by default: the default password is public. \
        Use 0.0.0.0 to let other machines (a real tablet, a CORE) connect.
        """
    )
    var host = "127.0.0.1"

    @Option(
      help: ArgumentHelp(
        "Where the CA, server certificate and token-signing key are kept.",
        discussion: "Default: $SPOT_SIM_DATA_DIR, else $XDG_DATA_HOME/spot-sim, else "
          + "~/.local/share/spot-sim."
      )
    )
    var dataDir: String = SimulatorDefaults.dataDirectory

    @Option(help: "The user who may log in.")
    var username = SimulatorDefaults.username

    @Option(
      help: ArgumentHelp(
        "The user's password (default: $SPOT_SIM_PASSWORD, else 'password').",
        valueName: "password"
      )
    )
    var password: String?

    @Option(help: "How long powering the motors on or off takes, in seconds.")
    var powerTransitionSeconds: Double = 2

    @Option(
      help: "How long a lease may go without being retained before it is revoked, in seconds."
    )
    var leaseRetainTimeoutSeconds: Double = 3

    @Option(help: "How long a user token is valid, in seconds (the robot's: 12 hours).")
    var tokenLifetimeSeconds: Double = 12 * 3600

    @Option(
      help: "How long the proxy waits for a registered service's first answer, in seconds."
    )
    var proxyTimeoutSeconds: Double = 30

    @Option(
      help: """
        Set the robot's clock this many seconds ahead of this computer's (negative: behind), \
        to try clients' time sync and time handling.
        """
    )
    var clockOffsetSeconds: Double = 0

    @Option(
      help: ArgumentHelp(
        "The web console's port, on the robot's host (default: 8080 as root, else 8081). 0 "
          + "picks a free port.",
        discussion: "Open the printed Console: URL and sign in with --username and --password."
      )
    )
    var consolePort: Int?

    @Option(help: "How many times a second the mission service ticks a playing mission.")
    var missionTickHz: Double = 10

    @Flag(name: .shortAndLong, help: "Log at debug level.")
    var verbose = false

    func validate() throws {
      guard (0...65535).contains(self.port) else {
        throw ValidationError("--port must be between 0 and 65535.")
      }
      if let consolePort = self.consolePort, !(0...65535).contains(consolePort) {
        throw ValidationError("--console-port must be between 0 and 65535.")
      }
      if self.dataDir.trimmingCharacters(in: .whitespaces).isEmpty {
        throw ValidationError("--data-dir is empty: give a directory (it is created when missing).")
      }
      guard self.clockOffsetSeconds.isFinite, abs(self.clockOffsetSeconds) <= 365 * 24 * 3600
      else {
        throw ValidationError("--clock-offset-seconds must be within a year.")
      }
      guard self.missionTickHz.isFinite, (0.1...1000).contains(self.missionTickHz) else {
        throw ValidationError("--mission-tick-hz must be between 0.1 and 1000.")
      }
      for (name, value) in [
        ("--power-transition-seconds", self.powerTransitionSeconds),
        ("--lease-retain-timeout-seconds", self.leaseRetainTimeoutSeconds),
        ("--token-lifetime-seconds", self.tokenLifetimeSeconds),
        ("--proxy-timeout-seconds", self.proxyTimeoutSeconds),
      ] where !(value >= 0 && value.isFinite) {
        throw ValidationError("\(name) must be a non-negative number of seconds.")
      }
    }

    func run() async throws {
      BosdynLogHandler.bootstrap(verbose: self.verbose)
      let logger = Logger(label: "spot-sim")
      let password =
        self.password
        ?? ProcessInfo.processInfo.environment[SimulatorDefaults.passwordEnvironmentVariable]
        ?? SimulatorDefaults.password
      let configuration = SimulatedRobot.Configuration(
        host: self.host,
        port: self.port,
        dataDirectory: self.dataDir,
        users: [self.username: password],
        tokenLifetime: .seconds(self.tokenLifetimeSeconds),
        powerTransition: .seconds(self.powerTransitionSeconds),
        leaseRetainTimeout: .seconds(self.leaseRetainTimeoutSeconds),
        upstreamResponseTimeout: .seconds(self.proxyTimeoutSeconds),
        missionTickRate: self.missionTickHz,
        clock: .system(offset: .seconds(self.clockOffsetSeconds))
      )
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: self.dataDir, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        throw SimulatorStartError(
          message: "The data directory \(self.dataDir.escapedForDisplay) is a file: give a "
            + "directory (it is created when missing)"
        )
      }
      let robot: SimulatedRobot
      do {
        robot = try await SimulatedRobot(configuration: configuration, logger: logger)
      } catch {
        throw SimulatorStartError(
          message: "Cannot prepare the data directory \(self.dataDir.escapedForDisplay): "
            + "\((error as? CocoaError)?.localizedDescription ?? String(describing: error))"
        )
      }
      print("CA certificate: \(robot.caCertificatePath)")
      let console = SpotConsole(
        robot: robot,
        configuration: .init(
          host: self.host,
          port: self.consolePort ?? SpotConsole.Configuration.defaultPort
        ),
        logger: Logger(label: "spot-console")
      )
      // Services stop in reverse order: the console before the robot, so its runs still reach
      // their callbacks' Stop and TeardownSession.
      try await runUntilSignalled(
        robot,
        after: [
          OptionalConsole(console: console, required: self.consolePort != nil),
          Announcement(robot: robot, console: console, host: self.host),
        ],
        logger: logger
      ) { _ in }
    }
  }
}

/// Why the simulator could not start, printed alone with exit code 1.
struct SimulatorStartError: Error, CustomStringConvertible {
  let message: String
  var description: String { self.message }
}
