public import BosdynAPI
import BosdynCore
import Foundation
import SwiftProtobuf
import Synchronization
public import Logging
public import ServiceLifecycle

/// Keeps a service registered in the robot's directory for as long as it runs, so the robot
/// routes calls for its authority to it (Python's `DirectoryRegistrationKeepAlive`, made
/// sturdier).
///
/// - Registers at once; when an entry of that name already exists (a restarted service), it is
///   updated instead of duplicated.
/// - Updates the entry every ``Configuration/interval`` (a liveness heartbeat), registering
///   again if the robot forgot it (a restarted robot).
/// - Every call has a deadline; while the robot is unreachable it retries every
///   ``Configuration/retryInterval`` forever, logging a warning at the first failure and then
///   every ``Configuration/warningEvery`` failures, so it is back within about a second of the
///   robot.
/// - Unregisters on graceful shutdown. Put it after the server in a `ServiceGroup` so it stops
///   first and the entry disappears before the server does.
///
/// It logs the document's two lines: "`<name>` service registered/updated." and
/// "Starting directory registration loop for `<name>`".
///
/// ```swift
/// let keepAlive = DirectoryRegistrationKeepAlive(
///   connection: robot,
///   registration: .init(name: "hello-world-callback",
///                       authority: "hello-world-callback.spot.robot",
///                       host: "192.168.80.10", port: 50051))
/// let group = ServiceGroup(services: [robot, server, keepAlive], logger: logger)
/// ```
public struct DirectoryRegistrationKeepAlive: Service {
  /// What to register.
  public struct Registration: Sendable, Hashable {
    /// The directory name, unique on the robot.
    public var name: String
    /// The gRPC service type, such as `bosdyn.api.mission.RemoteMissionService`.
    public var serviceType: String
    /// The `:authority` clients use to reach the service through the robot.
    public var authority: String
    /// The address the robot forwards calls to.
    public var host: String
    /// The port the robot forwards calls to.
    public var port: Int
    /// How long without a heartbeat before the robot marks the service unhealthy; `nil` for
    /// 2.5 × the keep-alive interval, as the Python SDK.
    public var livenessTimeout: Duration?
    /// Whether the robot checks the caller's user token before forwarding.
    public var userTokenRequired: Bool
    /// The instance id of the server at `host:port` when it is one of this SDK's
    /// (`RemoteMissionServer.instanceID`), or `nil`.
    ///
    /// With it, a service killed and restarted on the same port recognises the entry its
    /// predecessor left as pointing at itself, and takes it over at once. Without it, such an
    /// entry answers like a second running instance and is refused until it expires.
    public var serverInstanceID: String?

    /// Creates a registration; the type defaults to a remote mission service.
    public init(
      name: String,
      serviceType: String = "bosdyn.api.mission.RemoteMissionService",
      authority: String,
      host: String,
      port: Int,
      livenessTimeout: Duration? = nil,
      userTokenRequired: Bool = true,
      serverInstanceID: String? = nil
    ) {
      self.name = name
      self.serviceType = serviceType
      self.authority = authority
      self.host = host
      self.port = port
      self.livenessTimeout = livenessTimeout
      self.userTokenRequired = userTokenRequired
      self.serverInstanceID = serverInstanceID
    }
  }

  /// Timing of the keep-alive.
  public struct Configuration: Sendable {
    /// The time between heartbeats while registered.
    public var interval: Duration
    /// The time between attempts while the robot is unreachable or refuses; at most a second
    /// so a restarted robot sees the service again within two.
    public var retryInterval: Duration
    /// The deadline of each call.
    public var rpcTimeout: Duration
    /// After the first failure (a warning), warn again only every this many failures.
    public var warningEvery: Int
    /// Whether to remove the entry on graceful shutdown.
    public var unregisterOnShutdown: Bool

    /// Creates a configuration.
    public init(
      interval: Duration = .seconds(3),
      retryInterval: Duration = .milliseconds(500),
      rpcTimeout: Duration = .seconds(2),
      warningEvery: Int = 20,
      unregisterOnShutdown: Bool = true
    ) {
      self.interval = interval
      self.retryInterval = retryInterval
      self.rpcTimeout = rpcTimeout
      self.warningEvery = max(1, warningEvery)
      self.unregisterOnShutdown = unregisterOnShutdown
    }

    /// A heartbeat every 3 s, retries every 0.5 s, 2 s deadlines, unregister on shutdown.
    public static var defaults: Self { Self() }
  }

  private let connection: RobotConnection
  private let client: DirectoryRegistrationClient
  /// What this keep-alive registers.
  public let registration: Registration
  private let configuration: Configuration
  private let logger: Logger

  /// Creates a keep-alive; nothing is sent until ``run()``.
  public init(
    connection: RobotConnection,
    registration: Registration,
    configuration: Configuration = .defaults,
    logger: Logger? = nil
  ) {
    self.connection = connection
    self.client = DirectoryRegistrationClient(connection: connection)
    self.registration = registration
    self.configuration = configuration
    self.logger = logger ?? connection.logger
  }

  /// The directory entry sent to the robot.
  public var entry: Bosdyn_Api_ServiceEntry {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = self.registration.name
    entry.type = self.registration.serviceType
    entry.authority = self.registration.authority
    entry.userTokenRequired = self.registration.userTokenRequired
    let liveness = self.registration.livenessTimeout ?? self.configuration.interval * 2.5
    let (seconds, attoseconds) = liveness.components
    entry.livenessTimeoutSecs = Double(seconds) + Double(attoseconds) / 1e18
    return entry
  }

  /// Registers, keeps the entry alive until graceful shutdown, then unregisters.
  public func run() async throws {
    let name = self.registration.name
    let registered = Atomic(false)
    let retry = self.configuration.retryInterval
    try await RetryLoop(retryInterval: retry, warnEvery: self.configuration.warningEvery).run(
      onFailure: { error, failures, warn in
        if warn {
          self.logger.warning(
            "Could not register \(name) with the robot at \(self.connection.address) (attempt \(failures), retrying every \(retry)): \(error)"
          )
        }
        if let clientError = error as? ClientError,
          clientError.code == .unauthenticated || clientError.code == .permissionDenied
        {
          // A restarted robot may no longer accept the token: log in again.
          try? await self.connection.refreshToken()
        }
      },
      onRecovery: { failures in
        self.logger.notice("\(name) directory entry refreshed after \(failures) failed attempts")
      }
    ) {
      if registered.load(ordering: .relaxed) {
        try await self.updateOrRegister()
      } else {
        try await self.registerOrUpdate()
        registered.store(true, ordering: .relaxed)
        self.logger.info("\(name) service registered/updated.")
        self.logger.info("Starting directory registration loop for \(name)")
      }
      return self.configuration.interval
    }
    guard registered.load(ordering: .relaxed), self.configuration.unregisterOnShutdown,
      !Task.isCancelled
    else { return }
    do {
      try await self.client.unregister(name: name, timeout: self.configuration.rpcTimeout)
      self.logger.info("Unregistered \(name) from the robot's directory")
    } catch {
      self.logger.warning("Could not unregister \(name) from the robot's directory: \(error)")
    }
  }

  /// Register; if the name exists already, take the entry over, unless another running
  /// instance of the service keeps it fresh.
  ///
  /// An existing entry is usually this service's own from a run that ended without
  /// unregistering (a crash, a lost robot): updating it at once is what restarts want. But a
  /// second instance started by mistake would otherwise grab the entry on every heartbeat from
  /// the first, and the robot would route to each in turn; Python's keep-alive does that. So
  /// an entry refreshed within its liveness timeout whose service still answers is refused.
  private func registerOrUpdate() async throws {
    let (entry, host, port, timeout) = self.parameters
    do {
      try await self.client.register(entry, host: host, port: port, timeout: timeout)
    } catch let refusal as ClientError where refusal.code == .alreadyExists {
      let holder: Bosdyn_Api_ServiceEntry
      let robotTime: Google_Protobuf_Timestamp
      do {
        (holder, robotTime) = try await DirectoryClient(connection: self.connection)
          .entryAndRobotTime(named: entry.name)
      } catch let error as ClientError where error.code == .nonexistentService {
        // The name is free, so another service holds this authority and type; the robot's
        // message names it.
        throw refusal
      }
      try await self.refuseIfStillServed(holder, robotTime: robotTime)
      try await self.client.update(entry, host: host, port: port, timeout: timeout)
    }
  }

  /// Throws when `holder` was refreshed within its liveness timeout and a service other than
  /// this keep-alive's own server answers for it through the robot. An entry without a
  /// liveness timeout cannot be judged and is taken over. The entry's age is measured on the
  /// robot's clock (`robotTime`, when the robot answered), never against this computer's.
  private func refuseIfStillServed(
    _ holder: Bosdyn_Api_ServiceEntry,
    robotTime: Google_Protobuf_Timestamp
  ) async throws {
    guard holder.livenessTimeoutSecs > 0, holder.hasLastUpdate else { return }
    let age = robotTime.date.timeIntervalSince(holder.lastUpdate.date)
    guard age < holder.livenessTimeoutSecs else { return }
    let probe = RegisteredServiceProbe(
      connection: self.connection,
      timeout: self.configuration.rpcTimeout
    )
    switch await probe.check(holder) {
    case .unreachable:
      return
    case .answering(let serverInstanceID?)
    where serverInstanceID == self.registration.serverInstanceID:
      // The entry's address is this keep-alive's own server: a predecessor on the same port
      // died without unregistering (the robot refreshes an identical entry on every register
      // attempt, which is why it looks alive).
      self.logger.info(
        "\(holder.name)'s directory entry points at this server already; taking it over"
      )
      return
    case .answering:
      break
    }
    throw ClientError(
      code: .alreadyExists,
      message: "'\(holder.name)' is registered by a service that is still running (its entry "
        + "was refreshed \(Int(age.rounded())) s ago and it answers at \(holder.authority)); "
        + "stop it, or give this one another name",
      method: "bosdyn.api.DirectoryRegistrationService/RegisterService",
      layer: .response
    )
  }

  /// Update (the heartbeat); if the robot forgot the entry, register it again.
  private func updateOrRegister() async throws {
    let (entry, host, port, timeout) = self.parameters
    do {
      try await self.client.update(entry, host: host, port: port, timeout: timeout)
    } catch let error as ClientError where error.code == .nonexistentService {
      self.logger.info("The robot forgot \(entry.name); registering it again")
      try await self.client.register(entry, host: host, port: port, timeout: timeout)
    }
  }

  private var parameters: (Bosdyn_Api_ServiceEntry, String, Int, Duration) {
    (self.entry, self.registration.host, self.registration.port, self.configuration.rpcTimeout)
  }
}
