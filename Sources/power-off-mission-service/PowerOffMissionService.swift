import ArgumentParser
import BosdynCore
import BosdynCommandLine
import BosdynServiceRunner
import BosdynMission
import BosdynRobot
import ExampleServicers
import Logging

/// `power-off-mission-service`: the document's power-off callback, in Swift.
@main
struct PowerOffMissionService: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "power-off-mission-service",
    abstract: "Run the power-off remote mission service: safely powers the robot off with the "
      + "body lease each tick carries.",
    discussion: """
      Registers '\(directoryName)' (type bosdyn.api.mission.RemoteMissionService, authority \
      \(authority).spot.robot) in the robot's directory at --host-ip:--port, keeps the \
      registration alive and unregisters on Ctrl+C. EstablishSession and every Tick must \
      carry exactly one 'body' lease; the service subleases it, retains it, sends a safe \
      power off and reports STATUS_RUNNING until the robot says the motors are off.
      """
  )

  /// The name the service registers under, as in the Python example.
  static let directoryName = "power-off-callback"
  /// Its own authority, so it can run beside the hello-world service.
  static let authority = "power-off-callback"

  @OptionGroup var robot: RobotOptions
  @OptionGroup var endpoint: ServiceEndpointOptions

  @Flag(name: .shortAndLong, help: "Log at debug level.")
  var verbose = false

  func run() async throws {
    BosdynLogHandler.bootstrap(verbose: self.verbose)
    let logger = Logger(label: "power-off")
    let credentials = try self.robot.credentials()
    let connection = try self.robot.connection(
      clientName: "PowerOffMissionServiceSDK",
      logger: logger
    )
    let servicer = SessionManagingServicer(PowerOffServicer(robot: connection, logger: logger))
    let server = RemoteMissionServer(
      servicer: servicer,
      configuration: .init(
        host: self.endpoint.bind,
        port: self.endpoint.port,
        name: "PowerOffServicer"
      ),
      logger: logger
    )
    try await runRegistered(
      server,
      connection: connection,
      credentials: credentials,
      name: Self.directoryName,
      authority: Self.authority,
      hostIP: self.endpoint.hostIP,
      logger: logger
    )
  }
}
