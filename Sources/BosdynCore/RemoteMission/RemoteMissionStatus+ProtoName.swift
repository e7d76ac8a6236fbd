public import BosdynAPI

extension Bosdyn_Api_Mission_TickResponse.Status {
  /// The status as the .proto spells it (`STATUS_SUCCESS`), which is what the document's
  /// client prints.
  public var protoName: String {
    switch self {
    case .unknown: "STATUS_UNKNOWN"
    case .failure: "STATUS_FAILURE"
    case .running: "STATUS_RUNNING"
    case .success: "STATUS_SUCCESS"
    case .invalidSessionID: "STATUS_INVALID_SESSION_ID"
    case .missingLeases: "STATUS_MISSING_LEASES"
    case .missingInputs: "STATUS_MISSING_INPUTS"
    case .customParamsError: "STATUS_CUSTOM_PARAMS_ERROR"
    case .UNRECOGNIZED(let value): "STATUS_\(value)"
    }
  }
}

extension Bosdyn_Api_Mission_EstablishSessionResponse.Status {
  /// The status as the .proto spells it.
  public var protoName: String {
    switch self {
    case .unknown: "STATUS_UNKNOWN"
    case .ok: "STATUS_OK"
    case .missingLeases: "STATUS_MISSING_LEASES"
    case .missingInputs: "STATUS_MISSING_INPUTS"
    case .UNRECOGNIZED(let value): "STATUS_\(value)"
    }
  }
}

extension Bosdyn_Api_Mission_StopResponse.Status {
  /// The status as the .proto spells it.
  public var protoName: String {
    switch self {
    case .unknown: "STATUS_UNKNOWN"
    case .ok: "STATUS_OK"
    case .invalidSessionID: "STATUS_INVALID_SESSION_ID"
    case .UNRECOGNIZED(let value): "STATUS_\(value)"
    }
  }
}

extension Bosdyn_Api_Mission_TeardownSessionResponse.Status {
  /// The status as the .proto spells it.
  public var protoName: String {
    switch self {
    case .unknown: "STATUS_UNKNOWN"
    case .ok: "STATUS_OK"
    case .invalidSessionID: "STATUS_INVALID_SESSION_ID"
    case .UNRECOGNIZED(let value): "STATUS_\(value)"
    }
  }
}
