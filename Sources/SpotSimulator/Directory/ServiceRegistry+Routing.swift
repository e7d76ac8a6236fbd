public import BosdynAPI
import BosdynCore
import Logging
import Synchronization

extension ServiceRegistry {
  /// Where the proxy sends a call addressed to an authority: the directory's answer, which
  /// the simulated robot turns into the relay's `RobotProxy.Route`.
  public struct Destination: Sendable, Equatable {
    /// The directory entry the call reaches.
    public var entry: Bosdyn_Api_ServiceEntry
    /// The registered service's host; empty for the robot's own services.
    public var host: String
    /// The registered service's port; 0 for the robot's own services.
    public var port: Int
    /// Whether the proxy must check the caller's user token before forwarding.
    public var userTokenRequired: Bool
    /// `true` for the robot's own services, which the proxy sends to the simulator's internal
    /// server (whose interceptor checks tokens) instead of `host:port`.
    public var isRobotService: Bool
  }

  /// The destination of a call's `:authority` alone: the robot's own services, or the first (by
  /// name) registered service with that authority.
  ///
  /// - Parameter authority: As the call gives it; a `:port` suffix and bare labels are fine.
  /// - Returns: `nil` when no service has the authority.
  public func route(authority: String) -> Destination? {
    self.route(authority: authority, serviceType: nil)
  }

  /// The destination of a call's `:authority` and the service its path names
  /// (`/bosdyn.api.mission.RemoteMissionService/Tick` names
  /// `bosdyn.api.mission.RemoteMissionService`).
  ///
  /// Authorities of the robot's own services always route to the robot, whatever the type, as
  /// the real robot's internal server answers every method it implements on each of them.
  ///
  /// - Parameters:
  ///   - authority: As the call gives it; a `:port` suffix and bare labels are fine.
  ///   - serviceType: The fully qualified service name; `nil` matches any.
  /// - Returns: `nil` when no registered service has that authority and type.
  public func route(authority: String, serviceType: String?) -> Destination? {
    let canonical = Self.canonicalAuthority(authority)
    if self.robotAuthorities.contains(canonical) {
      let atAuthority = self.robotEntries.lazy.filter { $0.authority == canonical }
      // A reserved authority the robot lists no service for still belongs to the robot.
      let entry =
        atAuthority.first(where: { serviceType == nil || $0.type == serviceType })
        ?? atAuthority.first
        ?? Self.robotEntry("", serviceType ?? "", canonical)
      return Destination(
        entry: entry,
        host: "",
        port: 0,
        userTokenRequired: entry.userTokenRequired,
        isRobotService: true
      )
    }
    return self.state.withLock { state in
      let matches = state.registrations.values.lazy.filter {
        $0.entry.authority == canonical && (serviceType == nil || $0.entry.type == serviceType)
      }
      guard let registration = matches.min(by: { $0.entry.name < $1.entry.name }) else {
        return nil
      }
      return Destination(
        entry: registration.entry,
        host: registration.endpoint.hostIp,
        port: Int(registration.endpoint.port),
        userTokenRequired: registration.entry.userTokenRequired,
        isRobotService: false
      )
    }
  }
}
