import ArgumentParser
import BosdynCore
import BosdynCommandLine
import BosdynServiceRunner
import BosdynMission
import BosdynRobot
import ExampleServicers
import Logging

extension HelloWorldMissionService {
  /// `robot`: serve on a port and register in the robot's directory, so missions (and
  /// `remote-mission-client robot`) reach the service through the robot.
  struct Robot: AsyncParsableCommand {
    @ParentCommand var parent: HelloWorldMissionService

    static let configuration = CommandConfiguration(
      abstract: "Run this example with a robot: register it in the robot's directory.",
      discussion: """
        Registers '\(HelloWorldServicer.directoryName)' (type \
        bosdyn.api.mission.RemoteMissionService, authority \
        \(HelloWorldMissionService.authority).spot.robot) at --host-ip:--port, keeps the \
        registration alive (re-registering after a robot restart) and unregisters on Ctrl+C.
        """
    )

    @OptionGroup var endpoint: ServiceEndpointOptions
    @OptionGroup var robot: RobotOptions

    func run() async throws {
      BosdynLogHandler.bootstrap()
      let logger = Logger(label: "hello-world")
      let credentials = try self.robot.credentials()
      let connection = try self.robot.connection(
        clientName: "HelloWorldMissionServiceSDK",
        logger: logger
      )
      let servicer = try self.parent.makeServicer(logger: logger)
      let server = RemoteMissionServer(
        servicer: servicer,
        configuration: .init(
          host: self.endpoint.bind,
          port: self.endpoint.port,
          name: "HelloWorldServicer"
        ),
        logger: logger
      )
      try await runRegistered(
        server,
        connection: connection,
        credentials: credentials,
        name: HelloWorldServicer.directoryName,
        authority: HelloWorldMissionService.authority,
        hostIP: self.endpoint.hostIP,
        logger: logger
      )
    }
  }

  /// The authority the service registers: its own, so it can run beside the power-off
  /// service (the Python examples both use `remote-mission`, which the robot refuses twice).
  static let authority = "hello-world-callback"
}
