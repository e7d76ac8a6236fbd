import Foundation

/// Where the simulated Spot (`spot-sim`) keeps its files and which credentials it starts with.
///
/// Shared by the simulator and the command-line programs, so that a program started on the same
/// machine as `spot-sim` trusts the simulator's certificate authority without any flag, the
/// way the Python SDK trusts Boston Dynamics' bundled `robot.pem` by default. The robot client
/// library itself trusts only what it is told.
public enum SimulatorDefaults {
  /// The directory `spot-sim` writes its CA, server certificate and token-signing key to when
  /// `--data-dir` is not given: `$SPOT_SIM_DATA_DIR`, else `$XDG_DATA_HOME/spot-sim`, else
  /// `~/.local/share/spot-sim`.
  public static var dataDirectory: String {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["SPOT_SIM_DATA_DIR"], !explicit.isEmpty { return explicit }
    if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/spot-sim" }
    return NSHomeDirectory() + "/.local/share/spot-sim"
  }

  /// The file name of the CA certificate (PEM) inside a simulator data directory.
  public static let caCertificateFileName = "ca.pem"

  /// The CA certificate the command-line programs trust when neither `--robot-ca` nor
  /// `BOSDYN_ROBOT_CA` says otherwise: the one in ``dataDirectory``.
  public static var caCertificatePath: String {
    dataDirectory + "/" + caCertificateFileName
  }

  /// The user the simulator creates when no `--username` is given.
  public static let username = "user"

  /// The password of ``username`` when neither `--password` nor `SPOT_SIM_PASSWORD` is given.
  /// Safe only because the simulator binds to loopback by default.
  public static let password = "password"

  /// The environment variable the simulator reads its user's password from.
  public static let passwordEnvironmentVariable = "SPOT_SIM_PASSWORD"
}
