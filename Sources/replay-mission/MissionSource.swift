import BosdynAPI
import BosdynRobot
import Logging

/// What `replay-mission` plays and how it gets onto the robot. `simple` is a mission tree;
/// `autowalk` uploads a map and a walk instead, localizes, and fails on questions (Autowalk's
/// callbacks should never need an operator).
protocol MissionSource: Sendable {
  /// Names the mission in the first line the program prints.
  var summary: String { get }
  /// Whether an outstanding question fails the run instead of waiting for an answer.
  var failsOnQuestion: Bool { get }
  /// Uploads the mission (and whatever it needs, such as a map), replacing what the robot had
  /// loaded. The robot is powered on and standing by then.
  ///
  /// - Parameters:
  ///   - connection: The logged-in connection.
  ///   - wallet: The wallet holding the body lease, for the calls that need it.
  /// - Throws: The robot's refusal (`compilationError`, `validationError`, …).
  func load(on connection: RobotConnection, wallet: LeaseWallet, logger: Logger) async throws
  /// Where the mission is, in the user's terms, given the names of the running nodes (an
  /// Autowalk's element and whether it walks or acts); `nil` (the default) when the source has
  /// nothing to add to the `Running:` lines.
  func stage(running: [String]) -> String?
  /// Gets the robot ready to play once the mission is loaded (an Autowalk's localization);
  /// nothing by default.
  func prepareToPlay(on connection: RobotConnection, wallet: LeaseWallet, logger: Logger)
    async throws
}

extension MissionSource {
  func stage(running: [String]) -> String? { nil }

  func prepareToPlay(on connection: RobotConnection, wallet: LeaseWallet, logger: Logger)
    async throws
  {}
}
