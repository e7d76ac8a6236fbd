import BosdynAPI
import BosdynCore
import Logging
import SwiftProtobuf

/// A response the simulator answers through ``answer(_:from:logger:status:_:)``: anything with
/// a response header to fill.
protocol SimulatedResponse {
  /// The response header.
  var header: Bosdyn_Api_ResponseHeader { get set }
}

/// Answers one call the way the lease, estop and keepalive services all do, so each handler is
/// only its own logic: note when the request arrived, build the response, log one line
/// (`AcquireLease body from alice: STATUS_OK`, the status by its .proto name) and echo the
/// request header with `CODE_OK`.
///
/// - Parameters:
///   - call: The method and what it is about, the start of the log line.
///   - header: The request's header, echoed and named in the log line.
///   - logger: Receives the line.
///   - status: The status the line reports after the caller; `nil` for none.
///   - handle: Builds the response.
func answer<Response: SimulatedResponse>(
  _ call: String,
  from header: Bosdyn_Api_RequestHeader,
  logger: Logger,
  status: (Response) -> (any SwiftProtobuf.Enum)? = { _ in nil },
  _ handle: () -> Response
) -> Response {
  let receivedAt = Google_Protobuf_Timestamp.now
  var response = handle()
  let result = status(response).map { ": \(protoName($0))" } ?? ""
  logger.info("\(call) from \(header.callerForLog)\(result)")
  response.header = .echoing(header, receivedAt: receivedAt)
  return response
}

extension Bosdyn_Api_AcquireLeaseResponse: SimulatedResponse {}
extension Bosdyn_Api_TakeLeaseResponse: SimulatedResponse {}
extension Bosdyn_Api_ReturnLeaseResponse: SimulatedResponse {}
extension Bosdyn_Api_RetainLeaseResponse: SimulatedResponse {}
extension Bosdyn_Api_ListLeasesResponse: SimulatedResponse {}
extension Bosdyn_Api_RegisterEstopEndpointResponse: SimulatedResponse {}
extension Bosdyn_Api_DeregisterEstopEndpointResponse: SimulatedResponse {}
extension Bosdyn_Api_EstopCheckInResponse: SimulatedResponse {}
extension Bosdyn_Api_GetEstopConfigResponse: SimulatedResponse {}
extension Bosdyn_Api_SetEstopConfigResponse: SimulatedResponse {}
extension Bosdyn_Api_GetEstopSystemStatusResponse: SimulatedResponse {}
extension Bosdyn_Api_Keepalive_ModifyPolicyResponse: SimulatedResponse {}
extension Bosdyn_Api_Keepalive_CheckInResponse: SimulatedResponse {}
extension Bosdyn_Api_Keepalive_GetStatusResponse: SimulatedResponse {}
