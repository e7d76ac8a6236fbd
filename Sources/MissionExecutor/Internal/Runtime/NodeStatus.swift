import BosdynAPI

/// What a node's tick returned: `bosdyn.api.mission.Result` without its unknown value.
enum NodeStatus: UInt8, Sendable {
  case running
  case success
  case failure
  /// An operational error (an undefined variable, a type mismatch): it ends the whole mission
  /// with `STATUS_ERROR`, as composites pass it up at once.
  case error

  var result: Bosdyn_Api_Mission_Result {
    switch self {
    case .running: .running
    case .success: .success
    case .failure: .failure
    case .error: .error
    }
  }

  var isFinished: Bool { self != .running }
}
