import BosdynAPI
import BosdynRobot
import Logging

/// What `replay-mission` plays and how it gets onto the robot. `simple` is a mission tree; an
/// Autowalk source would upload a map and a walk instead, and fail on questions (Autowalk's
/// callbacks should never need an operator).
protocol MissionSource: Sendable {
  /// Names the mission in the first line the program prints.
  var summary: String { get }
  /// Whether an outstanding question fails the run instead of waiting for an answer.
  var failsOnQuestion: Bool { get }
  /// Uploads the mission, replacing whatever the robot had loaded.
  ///
  /// - Throws: The mission client's refusal (`compilationError`, `validationError`, …).
  func load(with missions: MissionClient, logger: Logger) async throws
}
