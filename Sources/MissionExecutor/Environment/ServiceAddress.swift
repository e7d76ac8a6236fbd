/// Where a node's service lives: a name in a robot's directory and the host of that directory.
///
/// Nodes name their service (`RemoteGrpc.service_name`, `BosdynPowerRequest.service_name`, …)
/// and the host running the directory; `""` and `"localhost"` both mean the robot running the
/// mission, which is what nearly every mission uses.
public struct ServiceAddress: Sendable, Hashable, CustomStringConvertible {
  /// The service's name in the directory, such as `hello-world-callback` or `power`.
  public var name: String
  /// The host whose directory holds the service, as the node wrote it.
  public var host: String

  /// Creates an address.
  ///
  /// - Parameters:
  ///   - name: The directory name.
  ///   - host: The directory's host; `""` or `"localhost"` for the robot itself.
  public init(name: String, host: String = "") {
    self.name = name
    self.host = host
  }

  /// Whether the service is on the robot running the mission.
  public var isOnRobot: Bool {
    self.host.isEmpty || self.host == "localhost"
  }

  /// `name` or `name@host`.
  public var description: String {
    self.isOnRobot ? self.name : "\(self.name)@\(self.host)"
  }
}
