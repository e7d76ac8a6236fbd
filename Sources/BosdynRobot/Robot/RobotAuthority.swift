/// The `:authority` names a Spot routes its own services by. Each is also the TLS name the
/// robot's certificate is checked against, as the Python SDK's `ssl_target_name_override`.
public enum RobotAuthority {
  /// Most services: directory, directory registration, lease, time sync, …
  public static let api = "api.spot.robot"
  /// The auth service, which issues user tokens.
  public static let auth = "auth.spot.robot"
  /// The robot id service, reachable without a token.
  public static let robotID = "id.spot.robot"
  /// The power service.
  public static let power = "power.spot.robot"
  /// The robot command service.
  public static let robotCommand = "command.spot.robot"
  /// The robot state service.
  public static let robotState = "state.spot.robot"
  /// The mission service (`robot-mission`).
  public static let mission = "robot-mission.spot.robot"
  /// The E-Stop service (`estop`).
  public static let estop = "estop.spot.robot"
  /// The Autowalk service (`autowalk-service`).
  public static let autowalk = "autowalk.spot.robot"
  /// The GraphNav service (`graph-nav-service`), as a real Spot lists it.
  public static let graphNav = "graph-nav.spot.robot"
}
