public import BosdynAPI

extension Bosdyn_Api_CommonError.Code {
  /// The value's name as the .proto file spells it (`CODE_INVALID_REQUEST`), for messages
  /// that Python SDK users will recognise.
  public var protoName: String {
    switch self {
    case .unspecified: "CODE_UNSPECIFIED"
    case .ok: "CODE_OK"
    case .internalServerError: "CODE_INTERNAL_SERVER_ERROR"
    case .invalidRequest: "CODE_INVALID_REQUEST"
    case .UNRECOGNIZED(let value): "CODE_\(value)"
    }
  }
}
