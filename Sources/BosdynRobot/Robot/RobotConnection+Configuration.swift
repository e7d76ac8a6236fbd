import BosdynCore
import NIOSSL
public import Foundation

extension RobotConnection {
  /// How a ``RobotConnection`` talks to its robot.
  ///
  /// ```swift
  /// var configuration = RobotConnection.Configuration.defaults
  /// configuration.certificateAuthorityPath = "/tmp/sim/ca.pem"
  /// configuration.clientName = "power-off-service"
  /// ```
  public struct Configuration: Sendable {
    /// The PEM file of the CA that signed the robot's certificate. `nil` means: the file named
    /// by `BOSDYN_ROBOT_CA`, else ``fallbackCertificateAuthorityPath``.
    public var certificateAuthorityPath: String?
    /// The CA to trust when neither ``certificateAuthorityPath`` nor `BOSDYN_ROBOT_CA` names
    /// one, if that file exists. The library has none of its own (a production client must not
    /// trust a CA it was not told about); the command-line programs pass the simulated robot's,
    /// so that they reach a `spot-sim` on the same machine without flags.
    public var fallbackCertificateAuthorityPath: String?
    /// Written into every request header as `client_name`, so the robot's logs say who called.
    public var clientName: String
    /// The deadline of each call; `nil` waits forever.
    public var callTimeout: Duration?
    /// Which part of a user token's lifetime may pass before it is refreshed.
    public var tokenRefreshFraction: Double
    /// The shortest wait between two refresh attempts, so a very short-lived or already
    /// expired token cannot make the refresh loop spin.
    public var minimumTokenRefreshInterval: Duration
    /// The longest wait between attempts to reconnect to the robot after the connection was
    /// lost; short, so that services re-register soon after the robot restarts.
    public var maximumReconnectBackoff: Duration
    /// The environment to read `BOSDYN_ROBOT_CA` from; tests inject their own.
    public var environment: [String: String]
    /// What the token refresh and the shutdown grace period wait on; tests pass a clock they
    /// advance.
    public var clock: any Clock<Duration>
    /// How long ``withRobotConnection(to:configuration:logger:isolation:_:)`` waits for the
    /// connections to close gracefully before cancelling them.
    public var shutdownGracePeriod: Duration

    /// Creates a configuration; every parameter has the value of ``defaults``.
    public init(
      certificateAuthorityPath: String? = nil,
      fallbackCertificateAuthorityPath: String? = nil,
      clientName: String = "BosdynSwiftClient",
      callTimeout: Duration? = .seconds(10),
      tokenRefreshFraction: Double = 0.8,
      minimumTokenRefreshInterval: Duration = .seconds(1),
      maximumReconnectBackoff: Duration = .seconds(1),
      environment: [String: String] = ProcessInfo.processInfo.environment,
      clock: any Clock<Duration> = ContinuousClock(),
      shutdownGracePeriod: Duration = .seconds(2)
    ) {
      self.certificateAuthorityPath = certificateAuthorityPath
      self.fallbackCertificateAuthorityPath = fallbackCertificateAuthorityPath
      self.clientName = clientName
      self.callTimeout = callTimeout
      self.tokenRefreshFraction = tokenRefreshFraction
      self.minimumTokenRefreshInterval = minimumTokenRefreshInterval
      self.maximumReconnectBackoff = maximumReconnectBackoff
      self.environment = environment
      self.clock = clock
      self.shutdownGracePeriod = shutdownGracePeriod
    }

    /// CA from the environment, a 10 second deadline, refresh at 80 % of a token's lifetime,
    /// 2 seconds for the connections to close.
    public static var defaults: Self { Self() }

    /// The environment variable naming the CA certificate file to trust, as in the Python
    /// examples' documentation.
    public static let certificateAuthorityEnvironmentVariable = "BOSDYN_ROBOT_CA"

    /// The CA certificate file to trust: ``certificateAuthorityPath``, else
    /// `$BOSDYN_ROBOT_CA`, else ``fallbackCertificateAuthorityPath`` when that file exists.
    ///
    /// - Throws: ``RobotConnectionError`` naming every place it looked when none applies.
    public func resolvedCertificateAuthorityPath() throws -> String {
      let variable = Self.certificateAuthorityEnvironmentVariable
      if let path = self.certificateAuthorityPath, !path.isEmpty {
        return try Self.readable(path, from: "--robot-ca")
      }
      if let path = self.environment[variable], !path.isEmpty {
        return try Self.readable(path, from: variable)
      }
      var message =
        "no CA certificate to trust the robot with: pass --robot-ca PATH or set \(variable)"
      if let fallback = self.fallbackCertificateAuthorityPath {
        if FileManager.default.fileExists(atPath: fallback) { return fallback }
        message += ", or start spot-sim so that \(fallback) exists"
      }
      throw RobotConnectionError(.missingCertificateAuthority, message)
    }

    /// `path` if it can be read and holds PEM certificates; otherwise an error naming the file
    /// and where the path came from, rather than TLS's later "couldn't create SSL context".
    private static func readable(_ path: String, from source: String) throws -> String {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path)
      else {
        throw RobotConnectionError(
          .missingCertificateAuthority,
          "cannot read the CA certificate \(path.escapedForDisplay) (from \(source))"
        )
      }
      guard let certificates = try? NIOSSLCertificate.fromPEMFile(path), !certificates.isEmpty
      else {
        throw RobotConnectionError(
          .missingCertificateAuthority,
          "\(path.escapedForDisplay) (from \(source)) holds no PEM certificate to trust the robot with"
        )
      }
      return path
    }
  }
}
