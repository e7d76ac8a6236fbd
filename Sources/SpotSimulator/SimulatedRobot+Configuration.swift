public import BosdynCore
public import SimulatorDefaults
import Foundation

extension SimulatedRobot {
  /// How the simulated robot listens, whom it lets in and how fast its body moves.
  public struct Configuration: Sendable {
    /// The address the TLS front listens on. Loopback by default: the simulator's default user
    /// and password are public.
    public var host: String
    /// The TLS port; 0 picks a free one (``SimulatedRobot/listeningPort()`` tells which).
    public var port: Int
    /// Where the CA, server certificate and token-signing key live; reused across starts so
    /// clients keep trusting the CA and tokens survive a restart.
    public var dataDirectory: String
    /// Username → password of the users who may log in.
    public var users: [String: String]
    /// How long a user token is valid (the robot's are valid for 12 hours).
    public var tokenLifetime: Duration
    /// How long powering the motors on or off takes.
    public var powerTransition: Duration
    /// How long a lease owner may go without retaining its lease before the robot revokes it.
    public var leaseRetainTimeout: Duration
    /// How long the proxy waits to connect to a registered service.
    public var upstreamConnectTimeout: Duration
    /// How long the proxy waits for a registered service's first answer to a call.
    public var upstreamResponseTimeout: Duration
    /// What robot id reports.
    public var identity: RobotIdentity
    /// How often the mission service ticks a playing mission (`--mission-tick-hz`).
    public var missionTickRate: Double
    /// The robot's time: what leases, power transitions, tokens and liveness are timed on.
    /// Tests pass one on a `TestClock` and advance it.
    public var clock: RobotClock
    /// How GraphNav walks the body (default speed, command horizon, upload limits).
    public var graphNav: SimulatedGraphNav.Configuration = .defaults

    /// A configuration; every parameter has the documented default.
    public init(
      host: String = "127.0.0.1",
      port: Int = SimulatedRobot.Configuration.defaultPort,
      dataDirectory: String = SimulatorDefaults.dataDirectory,
      users: [String: String] = [SimulatorDefaults.username: SimulatorDefaults.password],
      tokenLifetime: Duration = .seconds(12 * 3600),
      powerTransition: Duration = .seconds(2),
      leaseRetainTimeout: Duration = .seconds(3),
      upstreamConnectTimeout: Duration = .seconds(5),
      upstreamResponseTimeout: Duration = .seconds(30),
      identity: RobotIdentity = .defaults,
      missionTickRate: Double = 10,
      clock: RobotClock = .system()
    ) {
      self.host = host
      self.port = port
      self.dataDirectory = dataDirectory
      self.users = users
      self.tokenLifetime = tokenLifetime
      self.powerTransition = powerTransition
      self.leaseRetainTimeout = leaseRetainTimeout
      self.upstreamConnectTimeout = upstreamConnectTimeout
      self.upstreamResponseTimeout = upstreamResponseTimeout
      self.identity = identity
      self.missionTickRate = missionTickRate
      self.clock = clock
    }

    /// Every default: loopback, the default port, the default data directory and user.
    public static var defaults: Self { Self() }

    /// 443 (the robot's port) when running as root, else 8443, which needs no privileges.
    public static var defaultPort: Int {
      geteuid() == 0 ? 443 : 8443
    }
  }
}
