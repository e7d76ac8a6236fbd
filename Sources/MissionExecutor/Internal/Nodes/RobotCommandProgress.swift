import BosdynAPI
import SwiftProtobuf

/// How far a robot command has come, read from its feedback.
///
/// Robot command feedback nests one message per command (stand, sit, trajectory, safe power
/// off, arm and gripper commands…), each with its own status enum. Rather than list every
/// command, the feedback is read generically: every `status` field is collected by enum name.
/// A name meaning failure (`…OVERRIDDEN`, `…TIMED_OUT`, `…FROZEN`, `…INCOMPATIBLE…`,
/// `…FAILED…`, `…ERROR…`) fails the command; otherwise the command is done when every
/// command-specific status names a reached state (`STATUS_IS_STANDING`, `STATUS_AT_GOAL`,
/// `STATUS_POWERED_OFF`, `STATUS_COMPLETED`, `STATUS_STOPPED`…), and done as soon as it is
/// processing when it has no such status (stop, freeze). Anything else is still running.
enum RobotCommandProgress: Equatable {
  case running
  case done
  case failed(String)

  init(_ feedback: Bosdyn_Api_RobotCommandFeedback) {
    var options = JSONEncodingOptions()
    options.preserveProtoFieldNames = true
    guard let text = try? feedback.jsonString(options: options), let json = JSONValue.parse(text)
    else {
      self = .running
      return
    }
    var statuses: [String] = []
    Self.collect(json, into: &statuses)
    self = Self.judge(statuses)
  }

  private static let failureMarkers = [
    "OVERRIDDEN", "TIMED_OUT", "FROZEN", "INCOMPATIBLE", "FAILED", "ERROR", "FAULT",
  ]
  private static let generic: Set<String> = ["STATUS_PROCESSING", "STATUS_UNKNOWN"]
  private static let reached: Set<String> = [
    "STATUS_AT_GOAL", "STATUS_POWERED_OFF", "STATUS_COMPLETED", "STATUS_STOPPED",
    "STATUS_STANCED", "STATUS_DONE", "STATUS_SUCCESS", "STATUS_TRAJECTORY_COMPLETE",
  ]

  static func judge(_ statuses: [String]) -> RobotCommandProgress {
    if let failure = statuses.first(where: { status in
      Self.failureMarkers.contains { status.contains($0) }
    }) {
      return .failed(failure)
    }
    let specific = statuses.filter { !Self.generic.contains($0) }
    if specific.isEmpty {
      return statuses.contains("STATUS_PROCESSING") ? .done : .running
    }
    let allReached = specific.allSatisfy { Self.reached.contains($0) || $0.hasPrefix("STATUS_IS_") }
    return allReached ? .done : .running
  }

  private static func collect(_ json: JSONValue, into statuses: inout [String]) {
    switch json {
    case .object(let fields):
      for (key, value) in fields {
        if key == "status", case .string(let name) = value {
          statuses.append(name)
        } else {
          Self.collect(value, into: &statuses)
        }
      }
    case .array(let values):
      for value in values { Self.collect(value, into: &statuses) }
    default:
      break
    }
  }
}
