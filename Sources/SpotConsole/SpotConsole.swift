public import BosdynCore
import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle
public import SpotSimulator

/// The simulated robot's web console: what an operator's tablet shows of the robot and its
/// callbacks, in a browser.
///
/// Sign in with the robot's username and password; then the robot page (power, stance, lease
/// owner, E-Stop, robot time, the directory, power and stance buttons), the callbacks page
/// (every registered remote mission service, live) and each callback's form, built from the
/// spec it advertises, checked in the page and again here, and run as a mission would run it;
/// the walks page composes those actions and questions into a walk and plays it as a mission
/// on the robot's mission service.
/// Every asset is compiled in: the console needs no network beyond the browser's connection.
///
/// The console is a `Service`: run it in the same group as the robot, after it, so a
/// SIGINT/SIGTERM stops the console first.
///
/// ```swift
/// let robot = try await SimulatedRobot(configuration: .init(port: 0, dataDirectory: dir))
/// let console = SpotConsole(robot: robot, configuration: .init(port: 0))
/// let group = ServiceGroup(
///   services: [robot, console],
///   gracefulShutdownSignals: [.sigterm, .sigint],
///   logger: logger
/// )
/// try await group.run()   // console.listeningPort() tells where to point the browser
/// ```
///
/// Add pages with ``ConsoleSection``.
public final class SpotConsole: ListeningService, Sendable {
  /// Where the console listens and how it paces live pages and runs.
  public let configuration: Configuration
  private let robot: SimulatedRobot
  private let sections: [any ConsoleSection]
  private let sessions: SessionStore
  /// The runs of callbacks started from their forms (tests look one up by id).
  let runs: RunRegistry
  /// The walk the walks page composes and plays.
  let walk: WalkPlayer
  private let port = ListeningPort()
  private let logger: Logger

  /// Builds the console of `robot`; nothing listens until ``run()``.
  ///
  /// - Parameters:
  ///   - robot: The simulated robot it shows and drives.
  ///   - configuration: Where it listens and how it paces updates and runs.
  ///   - sections: Pages after the built-in robot, callbacks and walks pages, in navigation
  ///     order.
  ///   - logger: Receives the server's lines and failures of the console's own requests.
  public init(
    robot: SimulatedRobot,
    configuration: Configuration = .defaults,
    sections: [any ConsoleSection] = [],
    logger: Logger = Logger(label: "spot-console")
  ) {
    self.robot = robot
    self.configuration = configuration
    self.logger = logger
    self.sessions = SessionStore(
      clock: robot.configuration.clock,
      lifetime: configuration.sessionLifetime
    )
    let runs = RunRegistry(
      executor: RunExecutor(
        configuration: configuration,
        clock: robot.configuration.clock,
        leases: robot.leases
      )
    )
    self.runs = runs
    let walk = WalkPlayer(robot: robot, callbackTimeout: configuration.runTimeout)
    self.walk = walk
    self.sections =
      [
        RobotSection(robot: robot),
        CallbacksSection(robot: robot, runs: runs, walk: walk, configuration: configuration),
        WalksSection(walk: walk, robot: robot, configuration: configuration),
      ] + sections
  }

  /// Serves until cancelled or gracefully shut down; a graceful shutdown cancels runs in
  /// flight (they still send Stop and TeardownSession) and ends live pages' streams.
  ///
  /// - Throws: ``/BosdynCore/ListenError`` when the port is taken or out of range.
  public func run() async throws {
    let place = "\(self.configuration.host):\(self.configuration.port)"
    do {
      try PortInUse.check(host: self.configuration.host, port: self.configuration.port)
    } catch {
      self.port.resolve(.failure(error))
      throw error
    }
    let application = self.makeApplication()
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { await self.runs.run() }
      // Returns a finished walk's body lease even when no walks page is open.
      group.addTask {
        await self.walk.watch(
          clock: self.robot.configuration.clock,
          interval: self.configuration.refreshInterval
        )
      }
      defer {
        self.runs.stop()
        group.cancelAll()
      }
      try await withGracefulShutdownHandler {
        do {
          try await application.run()
        } catch  where !self.port.isResolved {
          // The server never listened: say where, as the robot does for its own port.
          let failure = ListenError("\(place): \(error)")
          self.port.resolve(.failure(failure))
          throw failure
        }
      } onGracefulShutdown: {
        self.runs.stop()
      }
    }
    self.port.resolve(.failure(ListenError("\(place): the console stopped before it listened")))
  }

  /// The port the console listens on, once it does; waits until then.
  ///
  /// - Throws: When it could not listen, or stopped before it did.
  public func listeningPort() async throws -> Int {
    try await self.port.value()
  }

  /// The address to print for an operator: `http://HOST:PORT/`.
  public func url(port: Int) -> String {
    let host =
      self.configuration.host.contains(":")
      ? "[\(self.configuration.host)]" : self.configuration.host
    return "http://\(host):\(port)/"
  }

  /// The HTTP server: the console's router on the configured address.
  func makeApplication() -> some ApplicationProtocol {
    Application(
      router: self.makeRouter(),
      configuration: .init(
        address: .hostname(self.configuration.host, port: self.configuration.port),
        serverName: nil
      ),
      onServerRunning: { channel in
        self.port.resolve(.success(channel.localAddress?.port ?? self.configuration.port))
      },
      logger: self.logger
    )
  }

  /// Runs the console's runs until `body` returns, for tests that drive the router directly.
  func withRuns<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await self.runs.run() }
      defer { self.runs.stop() }
      return try await body()
    }
  }

  private func makeRouter() -> Router<ConsoleContext> {
    let router = Router(context: ConsoleContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: SessionMiddleware(sessions: self.sessions))
    router.add(middleware: CSRFMiddleware())
    let landing = self.sections.first?.path ?? "/robot"
    SignInRoutes(
      passwords: self.robot.passwords,
      sessions: self.sessions,
      landingPath: landing
    ).add(to: router)
    Assets.add(to: router)
    let responder = ConsoleResponder(
      layout: Layout(
        robotName: self.robot.configuration.identity.nickname,
        navigation: self.sections.map { .init(title: $0.title, path: $0.path) }
      ),
      sessions: self.sessions,
      logger: self.logger
    )
    let routes = ConsoleRoutes(router: router, responder: responder)
    routes.get("/") { _ in .redirect(to: landing) }
    let live = LiveUpdates(robot: self.robot, interval: self.configuration.refreshInterval)
    routes.get("/events") { _ in .events(live.stream()) }
    for section in self.sections {
      section.addRoutes(to: routes)
    }
    return router
  }
}
