/// The `:authority` names a Spot routes its own services by. Each is also the TLS name the
/// robot's certificate is checked against, as the Python SDK's `ssl_target_name_override`.
public enum RobotAuthority {
  /// Most services: directory, lease, power, robot command, robot state, time sync, …
  public static let api = "api.spot.robot"
  /// The auth service, which issues user tokens.
  public static let auth = "auth.spot.robot"
  /// The robot id service, reachable without a token.
  public static let robotID = "id.spot.robot"
}
