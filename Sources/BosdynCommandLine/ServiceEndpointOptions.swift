public import ArgumentParser
import BosdynCore
import Foundation

/// Where a mission service listens and how the robot reaches it: the document's `--host-ip`
/// and `--port` (Python: `bosdyn.client.util.add_service_endpoint_arguments`).
public struct ServiceEndpointOptions: ParsableArguments, Sendable {
  /// The address the robot connects to; `bosdyn ROBOT self-ip` prints the right one.
  @Option(
    help: """
      The IP address of this computer as the robot sees it (`bosdyn ROBOT self-ip` prints it). \
      Registered in the robot's directory.
      """
  )
  public var hostIP: String

  /// The port the service listens on and registers; 0 picks a free one (discouraged, since a
  /// restart then moves the service).
  @Option(
    help: """
      The port the service listens on (it cannot be firewalled). 0 picks a free port, which \
      changes on every restart.
      """
  )
  public var port = 0

  /// The address to listen on; the default accepts the robot on any interface.
  @Option(help: "The address to listen on; '::' accepts IPv4 and IPv6 on every interface.")
  public var bind = "::"

  /// Creates the options with their defaults; ArgumentParser fills them in.
  public init() {}

  /// Refuses an empty `--host-ip` (the robot could never call back), a `--host-ip` or
  /// `--bind` that is not an IP address (the robot's directory stores an address, and a
  /// listener binds one), a `--host-ip` the robot cannot dial (`0.0.0.0`, `::`, broadcast, multicast), and a port outside
  /// 0–65535, as usage errors.
  public func validate() throws {
    guard !self.hostIP.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw ValidationError("--host-ip must name this computer's address as the robot sees it.")
    }
    guard IPAddressLiteral.isValid(self.hostIP) else {
      throw ValidationError(
        "--host-ip must be an IP address such as 192.168.80.3 (`bosdyn ROBOT self-ip` prints "
          + "it), not '\(self.hostIP.escapedForDisplay)'."
      )
    }
    // Listening on "any address" is fine; registering it is not: the robot would dial itself.
    if let kind = IPAddressLiteral.undialableKind(self.hostIP) {
      throw ValidationError(
        "--host-ip must be an address the robot can dial, not '\(self.hostIP)' (\(kind)); "
          + "`bosdyn ROBOT self-ip` prints the right one."
      )
    }
    try Self.validateBind(self.bind)
    guard (0...65535).contains(self.port) else {
      throw ValidationError("--port must be between 0 and 65535, not \(self.port).")
    }
  }

  /// Refuses a `--bind` that is not an IP address (such as `localhost`), as a usage error.
  public static func validateBind(_ bind: String) throws {
    guard IPAddressLiteral.isValid(bind) else {
      throw ValidationError(
        "--bind must be an IP address: '::' (every interface), '0.0.0.0' or '127.0.0.1', "
          + "not '\(bind.escapedForDisplay)'."
      )
    }
  }
}
