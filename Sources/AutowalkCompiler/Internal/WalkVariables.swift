import BosdynAPI
import BosdynMission
import Foundation

/// The blackboard variables a compiled walk keeps, all defined once at its root.
enum WalkVariables {
  /// The robot's date and time when the playback started (DateToBlackboard).
  static let startTime = "autowalk_start_time"
  /// The group name RemoteGrpc calls carry: the walk's group name and the start time.
  static let groupName = "autowalk_group_name"
  /// Whether the current element reached its target (its action is skipped when not).
  static let atTarget = "autowalk_at_target"
  /// Whether a failure behavior ended the walk (safe power off, return to start).
  static let terminate = "autowalk_terminate"
  /// Whether the walk should start again after a delay (return to start and try again later).
  static let tryAgain = "autowalk_try_again"
  /// How long to wait before trying again, in seconds.
  static let tryAgainDelay = "autowalk_try_again_delay"
  /// Whether the playback reached its end.
  static let completed = "autowalk_completed"
  /// The operator's answer to a failure question (defined by each Prompt for its child).
  static let answer = "autowalk_answer"
  /// The 0-based index of the current playback (defined by the periodic Repeat).
  static let playback = "autowalk_playback"

  /// Their definitions with initial values.
  static var definitions: [Bosdyn_Api_Mission_KeyValue] {
    [
      .entry(Self.startTime, .string("")),
      .entry(Self.groupName, .string("")),
      .entry(Self.atTarget, .bool(false)),
      .entry(Self.terminate, .bool(false)),
      .entry(Self.tryAgain, .bool(false)),
      .entry(Self.tryAgainDelay, .float(0)),
      .entry(Self.completed, .bool(false)),
    ]
  }
}

extension Bosdyn_Api_Mission_Node {
  /// This node with `user_data.id` set, so a loaded mission's NodeInfo tells which node it is.
  func tagged(_ id: String) -> Self {
    var node = self
    node.userData.id = id
    return node
  }

  /// Succeeds when Boolean variable `variable` is `value`.
  static func check(_ name: String, _ variable: String, is value: Bool) -> Self {
    .condition(name, .blackboard(variable, type: .bool), .eq, .constant(.bool(value)))
  }

  /// Sets Boolean variables.
  static func set(_ name: String, _ values: [(String, Bosdyn_Api_Mission_ConstantValue)]) -> Self {
    .setBlackboard(name, values.map { .entry($0.0, $0.1) })
  }
}

extension String {
  /// The text as a blackboard format string that prints it literally (`{` and `}` doubled).
  var formatEscaped: String {
    self.replacingOccurrences(of: "{", with: "{{").replacingOccurrences(of: "}", with: "}}")
  }
}
