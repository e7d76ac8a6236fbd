public import BosdynAPI

extension Bosdyn_Api_Mission_State.Status {
  /// The status as the .proto spells it (`STATUS_SUCCESS`), which is what Boston Dynamics'
  /// replay example prints and what people search the documentation for.
  public var protoName: String {
    switch self {
    case .unknown: "STATUS_UNKNOWN"
    case .failure: "STATUS_FAILURE"
    case .running: "STATUS_RUNNING"
    case .success: "STATUS_SUCCESS"
    case .paused: "STATUS_PAUSED"
    case .error: "STATUS_ERROR"
    case .none: "STATUS_NONE"
    case .stopped: "STATUS_STOPPED"
    case .UNRECOGNIZED(let value): "STATUS_\(value)"
    }
  }
}
