public import Logging
import ServiceLifecycle
import BosdynAPI
public import BosdynCore
import GRPCRelay
public import MissionExecutor
import GRPCCore
import GRPCNIOTransportHTTP2
import Synchronization

/// A simulated Spot that speaks the real API: the robot every robot-mode program, demo and
/// test runs against when there is no robot.
///
/// One TLS port (`RobotProxy`) takes every call and routes it by `:authority`, as the robot
/// does: the robot's own authorities (`api.spot.robot`, `auth.spot.robot`, …) go to an internal
/// plaintext gRPC server on loopback that holds the simulated services (auth with signed JWTs,
/// robot id, time sync, directory and registration, leases, power, robot command and state,
/// estop, keepalive, missions, GraphNav, Autowalk) behind a bearer-token check; a registered
/// service's authority goes to its host and port.
///
/// ```swift
/// let robot = try await SimulatedRobot(configuration: .init(port: 0, dataDirectory: dir))
/// try await withThrowingDiscardingTaskGroup { group in
///   group.addTask { try await robot.run() }
///   let port = try await robot.listeningPort()   // connect with robot.caCertificatePath
/// }
/// ```
public final class SimulatedRobot: ListeningService, Sendable {
  /// The configuration the robot was created with.
  public let configuration: Configuration
  /// The CA certificate (PEM) clients must trust to reach the robot.
  public let caCertificatePath: String
  /// The directory: robot services, registered services, their liveness.
  public let registry: ServiceRegistry
  /// Who holds which lease.
  public let leases: LeaseLedger
  /// Motor power and the commands that change it.
  public let body: SimulatedBody
  /// Signs and checks user tokens.
  public let issuer: TokenIssuer
  /// The robot's E-Stop: stop and release it as the tablet's button does.
  public let estop: EstopService
  /// Runs the missions loaded into the robot's mission service.
  public let missions: MissionController
  /// The map, the localization on it, and navigation.
  public let graphNav: SimulatedGraphNav
  /// The calls the mission service made to callbacks, newest last (the console's timeline).
  public let callbackCalls: CallbackCallLog
  /// The users' password check with its lock-outs, shared by the auth service and the
  /// console's sign-in so that neither gets around the other's count.
  public let passwords: PasswordCheck
  /// The Autowalk service (`autowalk-service`), for loading walks in-process as the console's
  /// "Play as Autowalk" does: the same compiler and checks a gRPC LoadAutowalk gets.
  public let autowalk: AutowalkService

  private let internalServer: GRPCServer<HTTP2ServerTransport.Posix>
  private let serviceConnections: ServiceConnectionPool
  private let proxy: RobotProxy
  private let internalPort = InternalPort()
  private let logger: Logger

  /// Loads or creates the robot's certificates and signing key in the data directory and
  /// builds its services; nothing listens until ``run()``.
  ///
  /// - Throws: When the data directory cannot be created, read or written.
  public init(
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "spot-sim")
  ) async throws {
    self.configuration = configuration
    self.logger = logger
    let certificates = try SimulatorCertificates.loadOrCreate(
      dataDirectory: configuration.dataDirectory,
      logger: logger
    )
    self.caCertificatePath = certificates.caCertificatePath
    let issuer = try await TokenIssuer.loadOrCreate(
      dataDirectory: configuration.dataDirectory,
      clock: configuration.clock
    )
    self.issuer = issuer
    let interceptor = BearerTokenInterceptor(issuer: issuer)

    let registry = ServiceRegistry(logger: logger, clock: configuration.clock)
    let leases = LeaseLedger(
      configuration: .init(
        resourceTree: .spotWithArm,
        retainTimeout: configuration.leaseRetainTimeout,
        epoch: nil
      ),
      clock: configuration.clock
    )
    let body = SimulatedBody(
      configuration: .init(transitionTime: configuration.powerTransition),
      clock: configuration.clock
    )
    self.registry = registry
    self.leases = leases
    self.body = body
    let graphNav = SimulatedGraphNav(
      body: body,
      configuration: configuration.graphNav,
      clock: configuration.clock
    )
    self.graphNav = graphNav
    let graphNavService = GraphNavService(graphNav: graphNav, ledger: leases, logger: logger)

    let power = PowerService(ledger: leases, body: body, logger: logger)
    let robotCommands = RobotCommandService(ledger: leases, body: body, logger: logger)
    let robotState = RobotStateService(
      body: body,
      serviceFaults: { registry.serviceFaults() },
      logger: logger
    )
    let leaseService = LeaseService(ledger: leases, logger: logger)
    let estop = EstopService(body: body, clock: configuration.clock, logger: logger)
    self.estop = estop
    let serviceConnections = ServiceConnectionPool()
    self.serviceConnections = serviceConnections
    var missionConfiguration = MissionController.Configuration.defaults
    missionConfiguration.tickRate = configuration.missionTickRate
    missionConfiguration.clientName = SimulatedMissionEnvironment.clientName
    let callbackCalls = CallbackCallLog(clock: configuration.clock)
    self.callbackCalls = callbackCalls
    let missions = MissionController(
      environment: SimulatedMissionEnvironment(
        registry: registry,
        connections: serviceConnections,
        power: power,
        robotCommands: robotCommands,
        robotState: robotState,
        leases: leaseService,
        graphNav: graphNavService,
        callLog: callbackCalls
      ),
      configuration: missionConfiguration,
      clock: configuration.clock,
      logger: logger
    )
    self.missions = missions
    let autowalk = AutowalkService(
      controller: missions,
      ledger: leases,
      graphNav: graphNav,
      registry: registry,
      logger: logger
    )
    self.autowalk = autowalk
    let passwords = PasswordCheck(
      accounts: UserAccounts(configuration.users),
      clock: configuration.clock
    )
    self.passwords = passwords

    let services: [any RegistrableRPCService] = [
      AuthService(
        passwords: passwords,
        issuer: issuer,
        configuration: .init(tokenLifetime: configuration.tokenLifetime),
        logger: logger
      ),
      RobotIdService(identity: configuration.identity, logger: logger),
      TimeSyncService(logger: logger),
      DirectoryService(registry: registry, logger: logger),
      DirectoryRegistrationService(registry: registry, logger: logger),
      leaseService,
      power,
      robotCommands,
      robotState,
      estop,
      KeepaliveService(logger: logger),
      MissionService(controller: missions, ledger: leases, logger: logger),
      graphNavService,
      autowalk,
    ]
    self.internalServer = GRPCServer(
      transport: HTTP2ServerTransport.Posix(
        address: .ipv4(host: "127.0.0.1", port: 0),
        transportSecurity: .plaintext,
        config: .defaults { $0.connection.flushCoalescing = nil }
      ),
      services: services,
      interceptors: [RobotTimeInterceptor(clock: configuration.clock), interceptor]
    )

    var proxyConfiguration = RobotProxy.Configuration(
      certificates: certificates,
      host: configuration.host,
      port: configuration.port
    )
    proxyConfiguration.upstreamConnectTimeout = configuration.upstreamConnectTimeout
    proxyConfiguration.upstreamResponseTimeout = configuration.upstreamResponseTimeout
    let internalPort = self.internalPort
    self.proxy = RobotProxy(
      configuration: proxyConfiguration,
      logger: logger,
      immediateRoute: { head in
        switch Self.immediateRoute(
          head,
          registry: registry,
          interceptor: interceptor,
          internalPort: internalPort.value.load(ordering: .acquiring)
        )
        {
        case .decided(let route): route
        case .needsTokenCheck: nil
        }
      },
      route: { head in
        await Self.route(
          head,
          registry: registry,
          interceptor: interceptor,
          internalPort: internalPort.value.load(ordering: .acquiring)
        )
      }
    )
  }

  /// Serves until cancelled or gracefully shut down (SIGINT/SIGTERM in a `ServiceGroup`): the
  /// internal services first, then the TLS front once they listen.
  public func run() async throws {
    try await withGracefulShutdownHandler {
      try await withThrowingDiscardingTaskGroup { group in
        group.addTask { try await self.internalServer.serve() }
        group.addTask { try await self.registry.run() }
        group.addTask { await self.serviceConnections.run() }
        group.addTask { try await self.estop.run() }
        group.addTask {
          // Missions stop (Stop and TeardownSession to their callbacks) before the
          // connections to the callbacks close.
          try await self.missions.run()
          self.serviceConnections.stop()
        }
        guard let address = try await self.internalServer.listeningAddress?.ipv4 else {
          throw RPCError(code: .internalError, message: "The internal server did not bind.")
        }
        self.internalPort.value.store(address.port, ordering: .releasing)
        group.addTask { try await self.proxy.run() }
        let port = try await self.proxy.listeningPort()
        self.logger.info("Simulated Spot listening on \(self.configuration.host):\(port)")
      }
    } onGracefulShutdown: {
      self.missions.beginGracefulShutdown()
      self.internalServer.beginGracefulShutdown()
    }
  }

  /// The TLS port, once the robot listens; waits until then.
  public func listeningPort() async throws -> Int {
    try await self.proxy.listeningPort()
  }

  /// Decides where a call goes, waiting for a token's signature check when the token is new.
  private static func route(
    _ head: RobotProxy.CallHead,
    registry: ServiceRegistry,
    interceptor: BearerTokenInterceptor,
    internalPort: Int
  ) async -> RobotProxy.Route {
    switch Self.immediateRoute(
      head,
      registry: registry,
      interceptor: interceptor,
      internalPort: internalPort
    )
    {
    case .decided(let route):
      return route
    case .needsTokenCheck(let route):
      if let rejection = await interceptor.check(authorizationHeader: head.authorization) {
        return .reject(code: rejection.code, message: rejection.message)
      }
      return route
    }
  }

  /// Where a call goes as far as that is known without waiting.
  private enum ImmediateRoute {
    case decided(RobotProxy.Route)
    /// Goes to `route` if the call's new token verifies.
    case needsTokenCheck(RobotProxy.Route)
  }

  /// Decides where a call goes: the robot's own services, a registered service, or an error
  /// the Python SDK recognises (502 → ServiceUnavailableError). Synchronous, so the proxy can
  /// route on the connection's thread; only a token never seen before needs the `async` check.
  private static func immediateRoute(
    _ head: RobotProxy.CallHead,
    registry: ServiceRegistry,
    interceptor: BearerTokenInterceptor,
    internalPort: Int
  ) -> ImmediateRoute {
    let serviceType = String(head.serviceName)
    guard let route = registry.route(authority: head.authority, serviceType: serviceType) else {
      // Only a refused call pays for the second look-up that tells the two refusals apart.
      guard registry.route(authority: head.authority) != nil else {
        return .decided(
          .reject(
            code: .unavailable,
            message: "502 Bad Gateway: no service is registered for authority \(head.authority)"
          )
        )
      }
      return .decided(
        .reject(
          code: .unimplemented,
          message: "No service of type \(serviceType) is registered at \(head.authority)"
        )
      )
    }
    if route.isRobotService {
      return .decided(
        .forward(host: "127.0.0.1", port: internalPort, label: RobotProxy.selfLoggingLabel)
      )
    }
    let forward = RobotProxy.Route.forward(
      host: route.host,
      port: route.port,
      label: route.entry.name
    )
    guard route.userTokenRequired else { return .decided(forward) }
    switch interceptor.checkWithoutWaiting(authorizationHeader: head.authorization) {
    case .decided(nil):
      return .decided(forward)
    case .decided(let rejection?):
      return .decided(.reject(code: rejection.code, message: rejection.message))
    case .needsVerification:
      return .needsTokenCheck(forward)
    }
  }
}

/// The internal server's port, known once it binds; shared with the proxy's routing closure,
/// which is built before the server runs.
private final class InternalPort: Sendable {
  let value = Atomic<Int>(0)
}
