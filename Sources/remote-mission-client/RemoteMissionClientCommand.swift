import BosdynCommandLine
import BosdynClient
import ArgumentParser
import BosdynCore

/// `remote-mission-client`: drives one of the example services through a session, as the
/// document's `remote_mission_client.py` does.
@main
struct RemoteMissionClientCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remote-mission-client",
    abstract: "Establish a session with a remote mission service, tick it until it is done, "
      + "then stop and tear down the session.",
    subcommands: [Local.self, Robot.self, BenchTicks.self, BenchKeepAlive.self, BenchSoak.self]
  )

  @OptionGroup var session: SessionOptions
}

/// Which example service to drive.
enum TargetService: String, EnumerableFlag {
  case helloWorld
  case powerOff

  var directoryName: String {
    switch self {
    case .helloWorld: "hello-world-callback"
    case .powerOff: "power-off-callback"
    }
  }

  static func help(for value: TargetService) -> ArgumentHelp? {
    switch value {
    case .helloWorld: "Target the Hello World remote mission service."
    case .powerOff: "Target the Power Off remote mission service."
    }
  }
}

/// Options shared by every way of reaching the service.
struct SessionOptions: ParsableArguments {
  @Flag(exclusivity: .exclusive)
  var target: TargetService?

  @Option(
    help: """
      The user-string input to Tick (set to the node name in Autowalk missions); \
      also sent as the 'who' parameter.
      """
  )
  var userString: String?
}

extension RemoteMissionClientCommand {
  /// `local`: connect straight to the service.
  struct Local: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Connect to a locally hosted service."
    )

    @ParentCommand var parent: RemoteMissionClientCommand

    @Option(help: "Hostname or address the service can be reached at, e.g. \"127.0.0.1\".")
    var hostIp: String

    @Option(help: "The port number the service can be reached at.")
    var port: Int

    func validate() throws {
      if self.parent.session.target == nil {
        throw ValidationError("Choose the service: --hello-world or --power-off.")
      }
      guard (1...65535).contains(self.port) else {
        throw ValidationError("--port must be between 1 and 65535, not \(self.port).")
      }
    }

    func run() async throws {
      let options = self.parent.session
      do {
        // Ctrl+C and SIGTERM stop the session before the program ends (also when a script
        // started it in the background, where SIGINT arrives ignored).
        try await Interruption.withSignals { interruption in
          try await RemoteMissionClient.withDirectConnection(
            host: self.hostIp,
            port: self.port,
            clientName: "RemoteMissionClientExample"
          ) { client in
            try await runSession(client, options: options, interruption: interruption)
          }
        }
      } catch let interrupted as Interruption.Interrupted {
        printError("Interrupted by \(interrupted.signal).")
        throw ExitCode(interrupted.exitStatus)
      } catch let error as ClientError {
        throw FailureExit(message: "\(error)")
      }
    }
  }
}

/// An error printed as its message alone, with exit code 1 and no usage text.
struct FailureExit: Error, CustomStringConvertible {
  let message: String
  var description: String { self.message }
}
