public import BosdynAPI

extension ServiceRegistry {
  /// The robot's own services the simulator implements, named and typed as the Python
  /// clients' `default_service_name` and `service_type`, at the authorities a real Spot lists
  /// (all under `*.spot.robot`, which the simulator's certificate covers). Only auth and robot
  /// id work without a user token.
  ///
  /// `autowalk-service` is listed although the simulator does not implement it yet (its calls
  /// answer `UNIMPLEMENTED`): Boston Dynamics' replay example creates its client before it
  /// plays any mission, and the Python SDK refuses to create a client for a service the
  /// directory does not list, so without the entry the example fails even for a simple mission.
  public static var robotServiceEntries: [Bosdyn_Api_ServiceEntry] {
    [
      Self.robotEntry("auth", "bosdyn.api.AuthService", "auth.spot.robot", tokenRequired: false),
      Self.robotEntry(
        "autowalk-service",
        "bosdyn.api.autowalk.AutowalkService",
        "autowalk.spot.robot"
      ),
      Self.robotEntry("directory", "bosdyn.api.DirectoryService", "api.spot.robot"),
      Self.robotEntry(
        "directory-registration",
        "bosdyn.api.DirectoryRegistrationService",
        "api.spot.robot"
      ),
      Self.robotEntry("estop", "bosdyn.api.EstopService", "estop.spot.robot"),
      Self.robotEntry("keepalive", "bosdyn.api.keepalive.KeepaliveService", "keepalive.spot.robot"),
      Self.robotEntry("lease", "bosdyn.api.LeaseService", "api.spot.robot"),
      Self.robotEntry("power", "bosdyn.api.PowerService", "power.spot.robot"),
      Self.robotEntry("robot-command", "bosdyn.api.RobotCommandService", "command.spot.robot"),
      Self.robotEntry(
        "robot-id",
        "bosdyn.api.RobotIdService",
        "id.spot.robot",
        tokenRequired: false
      ),
      Self.robotEntry("robot-state", "bosdyn.api.RobotStateService", "state.spot.robot"),
      Self.robotEntry(
        "robot-mission",
        "bosdyn.api.mission.MissionService",
        "robot-mission.spot.robot"
      ),
      Self.robotEntry("time-sync", "bosdyn.api.TimeSyncService", "api.spot.robot"),
    ]
  }

  /// Authorities that belong to the robot even when no listed service uses them: the Python
  /// SDK's bootstrap authority for payload registration.
  static let reservedAuthorities: Set<String> = ["payload-registration.spot.robot"]

  /// An entry for one of the robot's own services.
  ///
  /// - Parameters:
  ///   - name: The directory name.
  ///   - type: The fully qualified gRPC service name.
  ///   - authority: The authority clients address it by.
  ///   - tokenRequired: Whether calls need a user token.
  public static func robotEntry(
    _ name: String,
    _ type: String,
    _ authority: String,
    tokenRequired: Bool = true
  ) -> Bosdyn_Api_ServiceEntry {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = name
    entry.type = type
    entry.authority = authority
    entry.userTokenRequired = tokenRequired
    return entry
  }
}
