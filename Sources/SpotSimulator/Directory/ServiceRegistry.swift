public import BosdynAPI
public import BosdynCore
public import Logging
public import ServiceLifecycle
import SwiftProtobuf
import Synchronization

/// The simulated robot's directory: the robot's own services and the services clients
/// registered, with their endpoints, liveness and routing for the proxy.
///
/// The robot's own services (``Configuration/robotServices``) are listed like on a real Spot
/// and cannot be replaced or removed by clients. Registered services must have a unique name
/// and a unique (authority, type) pair; an authority given as a bare label (`remote-mission`) is
/// stored as `remote-mission.spot.robot`, the name the robot's certificate covers and the
/// Python SDK uses as the TLS name. A service with a liveness timeout that is not registered or
/// updated again within it is reported unhealthy through ``serviceFaults()`` until it is.
///
/// ```swift
/// let registry = ServiceRegistry(logger: logger)
/// let directory = DirectoryService(registry: registry)
/// let registration = DirectoryRegistrationService(registry: registry)
/// // In a ServiceGroup, `registry` logs liveness changes as they happen:
/// let group = ServiceGroup(services: [server, registry], logger: logger)
/// ```
public final class ServiceRegistry: Service, Sendable {
  /// The robot's own entries and how often liveness is checked.
  public struct Configuration: Sendable {
    /// The robot's own services, listed first and routed to the simulator's internal server.
    public var robotServices: [Bosdyn_Api_ServiceEntry]
    /// How often ``run()`` looks for services past their liveness timeout. Reads check too,
    /// so this only bounds how late the warning is logged.
    public var livenessCheckInterval: Duration

    /// Creates a configuration.
    public init(robotServices: [Bosdyn_Api_ServiceEntry], livenessCheckInterval: Duration) {
      self.robotServices = robotServices
      self.livenessCheckInterval = livenessCheckInterval
    }

    /// The entries of ``ServiceRegistry/robotServiceEntries``, liveness checked every second.
    public static var defaults: Self {
      Self(robotServices: ServiceRegistry.robotServiceEntries, livenessCheckInterval: .seconds(1))
    }
  }

  /// A service a client registered, with what the directory does not list.
  struct Registration: Sendable {
    var entry: Bosdyn_Api_ServiceEntry
    var endpoint: Bosdyn_Api_Endpoint
    /// The last register or update call for this service.
    var lastHeartbeat: RobotClock.Instant
    /// Set while the service is past its liveness timeout.
    var unhealthySince: Google_Protobuf_Timestamp?
  }

  struct State: Sendable {
    var registrations: [String: Registration] = [:]
  }

  let configuration: Configuration
  let logger: Logger
  /// What liveness timeouts are measured on, and what `last_update` shows.
  let clock: RobotClock
  let state = Mutex(State())
  /// The robot's own entries by name, with canonical authorities.
  let robotEntriesByName: [String: Bosdyn_Api_ServiceEntry]
  /// The robot's own entries in configuration order.
  let robotEntries: [Bosdyn_Api_ServiceEntry]
  /// Authorities clients may not register under: the proxy sends them to the robot itself.
  let robotAuthorities: Set<String>

  /// Creates a directory holding the robot's own services and nothing registered.
  ///
  /// - Parameters:
  ///   - configuration: The robot's own entries and the liveness check interval.
  ///   - logger: Receives liveness warnings and one line per registration change.
  ///   - clock: What liveness timeouts are measured on.
  public init(
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.spot-sim.directory"),
    clock: RobotClock = .system()
  ) {
    self.configuration = configuration
    self.logger = logger
    self.clock = clock
    let now = Google_Protobuf_Timestamp(date: clock.wallNow)
    let entries = configuration.robotServices.map { entry in
      var entry = entry
      entry.authority = Self.canonicalAuthority(entry.authority)
      if !entry.hasLastUpdate { entry.lastUpdate = now }
      return entry
    }
    self.robotEntries = entries
    self.robotEntriesByName = Dictionary(
      entries.map { ($0.name, $0) },
      uniquingKeysWith: { first, _ in first }
    )
    self.robotAuthorities = Set(entries.map(\.authority)).union(Self.reservedAuthorities)
  }

  /// Every entry: the robot's own services first, then registered services by name.
  public func entries() -> [Bosdyn_Api_ServiceEntry] {
    self.checkLiveness()
    let registered = self.state.withLock { state in
      state.registrations.values.map(\.entry)
    }
    return self.robotEntries + registered.sorted(by: { $0.name < $1.name })
  }

  /// The entry named `name`, or `nil` when there is none.
  public func entry(named name: String) -> Bosdyn_Api_ServiceEntry? {
    if let entry = self.robotEntriesByName[name] { return entry }
    return self.state.withLock { $0.registrations[name]?.entry }
  }

  /// The endpoint a registered service gave, or `nil` for the robot's own services and
  /// unknown names.
  public func endpoint(named name: String) -> Bosdyn_Api_Endpoint? {
    self.state.withLock { $0.registrations[name]?.endpoint }
  }

  /// Checks liveness every ``Configuration/livenessCheckInterval`` so a service that stops
  /// re-registering is reported when it happens, not only when someone reads the directory.
  /// Returns on cancellation or graceful shutdown.
  public func run() async throws {
    let interval = self.configuration.livenessCheckInterval
    try await RetryLoop(retryInterval: interval).run(clock: self.clock.clock) { _, _, _ in
    } _: {
      self.checkLiveness()
      return interval
    }
  }
}
