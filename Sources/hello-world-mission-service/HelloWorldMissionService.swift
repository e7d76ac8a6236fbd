import ArgumentParser
import BosdynCore
import BosdynCommandLine
import BosdynServiceRunner
import BosdynMission
import BosdynRobot
import ExampleServicers
import Logging
import ServiceCustomization
import ServiceLifecycle

/// `hello-world-mission-service`: the document's hello-world callback, in Swift.
@main
struct HelloWorldMissionService: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hello-world-mission-service",
    abstract: "Run the hello-world remote mission service (greets whoever each Tick names).",
    subcommands: [Local.self, Robot.self]
  )

  @Option(help: "The label the tablet shows for the name to greet.")
  var displayName: String?

  @Option(help: "Who Spot greets when the mission names nobody.")
  var defaultName = "World"

  @Option(
    name: [.customLong("hello-options"), .customLong("hello-option")],
    help: "A name the tablet offers to pick (repeatable); the operator may still type any name."
  )
  var helloOptions: [String] = []

  @Flag(help: "Coerce parameters that do not fit the spec instead of refusing the Tick.")
  var coerce = false

  /// The servicer the flags describe; fails on an inconsistent spec.
  func makeServicer(logger: Logger) throws -> HelloWorldServicer {
    do {
      return try HelloWorldServicer(
        logger: logger,
        spec: HelloWorldServicer.spec(
          displayName: self.displayName,
          defaultName: self.defaultName,
          helloOptions: self.helloOptions
        ),
        coerce: self.coerce
      )
    } catch let error as InvalidSpecError {
      throw ValidationError("The parameter spec is invalid: \(error)")
    }
  }
}

extension HelloWorldMissionService {
  /// `local`: serve directly on a port, no robot involved.
  struct Local: AsyncParsableCommand {
    @ParentCommand var parent: HelloWorldMissionService

    static let configuration = CommandConfiguration(
      abstract: "Run this example locally; clients connect straight to --port."
    )

    @Option(
      help: """
        The port number the service can be reached at (it cannot be firewalled). \
        0 picks a free port and prints it.
        """
    )
    var port = 0

    @Option(help: "The address to listen on; '::' accepts IPv4 and IPv6 on every interface.")
    var bind = "::"

    @Flag(
      help: """
        Keep per-session state: EstablishSession returns a session id and ticks with an \
        unknown id get STATUS_INVALID_SESSION_ID.
        """
    )
    var sessions = false

    @Option(help: "Event loop threads serving connections (default: one per core).")
    var eventLoops: Int?

    @Flag(
      inversion: .prefixedNo,
      help: "Run handlers on their connection's event loop (fast) rather than a thread pool."
    )
    var handlersOnEventLoops = true

    @Option(
      help: ArgumentHelp(
        "Most time a response may wait to be flushed with others, in µs.",
        visibility: .hidden
      )
    )
    var maxFlushDelayMicroseconds: Int = 0

    func validate() throws {
      guard (0...65535).contains(self.port) else {
        throw ValidationError("--port must be between 0 and 65535, not \(self.port).")
      }
      try ServiceEndpointOptions.validateBind(self.bind)
      if let loops = self.eventLoops, !(1...256).contains(loops) {
        throw ValidationError("--event-loops must be between 1 and 256.")
      }
    }

    func run() async throws {
      BosdynLogHandler.bootstrap()
      let logger = Logger(label: "hello-world")
      let configuration = RemoteMissionServer.Configuration(
        host: self.bind,
        port: self.port,
        name: "HelloWorldServicer",
        maxFlushDelay: self.maxFlushDelayMicroseconds < 0
          ? nil : .microseconds(self.maxFlushDelayMicroseconds),
        eventLoops: self.eventLoops,
        handlersOnEventLoops: self.handlersOnEventLoops
      )
      let servicer = try self.parent.makeServicer(logger: logger)
      let server =
        self.sessions
        ? RemoteMissionServer(
          servicer: SessionManagingServicer(HelloWorldSessionServicer(servicer)),
          configuration: configuration,
          logger: logger
        )
        : RemoteMissionServer(servicer: servicer, configuration: configuration, logger: logger)
      try await runUntilSignalled(server, logger: logger) { port in
        if self.port == 0 {
          print("\(HelloWorldServicer.directoryName) service listening on port \(port).")
        }
        print("\(HelloWorldServicer.directoryName) service running.\nCtrl + C to shutdown.")
      }
    }
  }
}
