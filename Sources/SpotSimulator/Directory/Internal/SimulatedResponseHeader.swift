import BosdynAPI
import BosdynClient
import SwiftProtobuf

/// Fills the response headers of the simulator's own services the way the robot does: the
/// request header echoed, when the request arrived, when the response left, and `CODE_OK`
/// unless the handler already reported an error. Time sync relies on the two timestamps being
/// taken as close to the wire as the handler allows.
enum SimulatedResponseHeader {
  /// A header for a response to a request with `requestHeader`, received at `receivedAt`.
  static func stamped(
    echoing requestHeader: Bosdyn_Api_RequestHeader,
    receivedAt: Google_Protobuf_Timestamp,
    error: (code: Bosdyn_Api_CommonError.Code, message: String)? = nil
  ) -> Bosdyn_Api_ResponseHeader {
    var header = Bosdyn_Api_ResponseHeader()
    header.requestHeader = requestHeader
    header.requestReceivedTimestamp = receivedAt
    header.error.code = error?.code ?? .ok
    if let message = error?.message {
      header.error.message = message
    }
    header.responseTimestamp = .now
    return header
  }
}
