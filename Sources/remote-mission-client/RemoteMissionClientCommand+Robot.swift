import BosdynClient
import ArgumentParser
import BosdynAPI
import BosdynCore
import BosdynCommandLine
import BosdynRobot
import Logging

extension RemoteMissionClientCommand {
  /// `robot`: reach the service through the robot, which forwards the calls to wherever the
  /// service registered.
  struct Robot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Connect to a service through the robot directory.",
      discussion: """
        Looks the service up in the robot's directory and calls it through the robot. With \
        --power-off it first acquires the body lease (retained every 2 s while the session \
        runs), powers the motors on if they are off, passes the lease with every call and \
        returns it at the end. Ctrl+C stops and tears down the session and returns the lease \
        before the program exits (status 130); a second Ctrl+C exits at once.
        """
    )

    @ParentCommand var parent: RemoteMissionClientCommand
    @OptionGroup var robot: RobotOptions

    func validate() throws {
      if self.parent.session.target == nil {
        throw ValidationError("Choose the service: --hello-world or --power-off.")
      }
    }

    func run() async throws {
      BosdynLogHandler.bootstrap()
      let logger = Logger(label: "remote-mission-client")
      let options = self.parent.session
      guard let target = options.target else { return }
      do {
        let credentials = try self.robot.credentials()
        let address = try self.robot.address()
        let configuration = self.robot.connectionConfiguration(
          clientName: "RemoteMissionClientExample"
        )
        // Ctrl+C and SIGTERM cancel the step in progress; a session is then stopped and torn
        // down and the body lease returned over the connection, which stays open for that
        // (also when a script started the program in the background, with SIGINT ignored).
        try await Interruption.withSignals { interruption in
          try await withRobotConnection(to: address, configuration: configuration, logger: logger) {
            connection in
            let client = try await interruption.interruptible {
              try await connection.authenticate(credentials)
              return try await connection.remoteMissionClient(serviceName: target.directoryName)
            }
            switch target {
            case .helloWorld:
              try await runSession(client, options: options, interruption: interruption)
            case .powerOff:
              try await withBodyLease(connection, interruption: interruption, logger: logger) {
                lease in
                try await runSession(
                  client,
                  options: options,
                  leases: [lease],
                  interruption: interruption
                )
              }
            }
          }
        }
      } catch let interrupted as Interruption.Interrupted {
        printError("Interrupted by \(interrupted.signal).")
        throw ExitCode(interrupted.exitStatus)
      } catch let error as ClientError {
        throw FailureExit(message: "\(error)")
      } catch let error as RobotConnectionError {
        throw FailureExit(message: "\(error)")
      }
    }
  }
}

/// Acquires the body lease, keeps it retained and the motors on while `body` runs, and returns
/// it afterwards (also when `body` fails or a signal interrupts it), as the document's client
/// does around a power-off session.
///
/// A signal cancels acquiring and powering on; the lease is returned outside the cancelled
/// step. The motors stay as they are: a client that powered them on and was interrupted leaves
/// them on, as the Python example does on Ctrl+C.
private func withBodyLease(
  _ connection: RobotConnection,
  interruption: Interruption,
  logger: Logger,
  _ body: (Lease) async throws -> Void
) async throws {
  let wallet = LeaseWallet(clientName: connection.configuration.clientName)
  let leaseClient = LeaseClient(
    connection: connection,
    wallet: wallet,
    authority: try await connection.authority(forService: LeaseClient.serviceName)
  )
  let lease = try await interruption.interruptible { try await leaseClient.acquire() }
  let keepAlive = LeaseKeepAlive(client: leaseClient, logger: logger)
  let outcome: Result<Void, any Error>
  outcome = await withTaskGroup(of: Void.self) { group in
    group.addTask { try? await keepAlive.run() }
    defer { group.cancelAll() }
    do {
      try await interruption.interruptible {
        let power = PowerClient(
          connection: connection,
          wallet: wallet,
          authority: try await connection.authority(forService: PowerClient.serviceName)
        )
        let state = RobotStateClient(
          connection: connection,
          authority: try await connection.authority(forService: RobotStateClient.serviceName)
        )
        if try await !state.isPoweredOn() {
          logger.info("Powering the motors on.")
          try await power.powerOnMotors(lease: lease)
        }
      }
      try await body(lease)
      return .success(())
    } catch {
      return .failure(error)
    }
  }
  do {
    try await leaseClient.returnLease(lease)
  } catch {
    logger.warning("Could not return the body lease: \(error)")
  }
  try outcome.get()
}
