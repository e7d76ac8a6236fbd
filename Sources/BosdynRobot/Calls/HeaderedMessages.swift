import BosdynClient
public import BosdynAPI

/// A Spot API request message with a `header`, which every call through a robot fills in with
/// the client's name and the time it was sent.
public protocol HeaderedRequest: Sendable {
  /// The request header.
  var header: Bosdyn_Api_RequestHeader { get set }
}

/// A Spot API response message with a `header`, whose error code every client checks.
public protocol HeaderedResponse: Sendable {
  /// The response header.
  var header: Bosdyn_Api_ResponseHeader { get }
}

extension HeaderedRequest {
  /// This request with its header stamped with `clientName` and the current time, as the Python
  /// SDK's header processors do for every call made through a robot.
  public func stamped(clientName: String) -> Self {
    var request = self
    request.header = .stamped(clientName: clientName)
    return request
  }
}

extension Bosdyn_Api_GetAuthTokenRequest: HeaderedRequest {}
extension Bosdyn_Api_GetAuthTokenResponse: HeaderedResponse {}
extension Bosdyn_Api_RobotIdRequest: HeaderedRequest {}
extension Bosdyn_Api_RobotIdResponse: HeaderedResponse {}
extension Bosdyn_Api_ListServiceEntriesRequest: HeaderedRequest {}
extension Bosdyn_Api_ListServiceEntriesResponse: HeaderedResponse {}
extension Bosdyn_Api_GetServiceEntryRequest: HeaderedRequest {}
extension Bosdyn_Api_GetServiceEntryResponse: HeaderedResponse {}
extension Bosdyn_Api_RegisterServiceRequest: HeaderedRequest {}
extension Bosdyn_Api_RegisterServiceResponse: HeaderedResponse {}
extension Bosdyn_Api_UpdateServiceRequest: HeaderedRequest {}
extension Bosdyn_Api_UpdateServiceResponse: HeaderedResponse {}
extension Bosdyn_Api_UnregisterServiceRequest: HeaderedRequest {}
extension Bosdyn_Api_UnregisterServiceResponse: HeaderedResponse {}
extension Bosdyn_Api_TimeSyncUpdateRequest: HeaderedRequest {}
extension Bosdyn_Api_TimeSyncUpdateResponse: HeaderedResponse {}
extension Bosdyn_Api_AcquireLeaseRequest: HeaderedRequest {}
extension Bosdyn_Api_AcquireLeaseResponse: HeaderedResponse {}
extension Bosdyn_Api_TakeLeaseRequest: HeaderedRequest {}
extension Bosdyn_Api_TakeLeaseResponse: HeaderedResponse {}
extension Bosdyn_Api_ReturnLeaseRequest: HeaderedRequest {}
extension Bosdyn_Api_ReturnLeaseResponse: HeaderedResponse {}
extension Bosdyn_Api_RetainLeaseRequest: HeaderedRequest {}
extension Bosdyn_Api_RetainLeaseResponse: HeaderedResponse {}
extension Bosdyn_Api_ListLeasesRequest: HeaderedRequest {}
extension Bosdyn_Api_ListLeasesResponse: HeaderedResponse {}
extension Bosdyn_Api_PowerCommandRequest: HeaderedRequest {}
extension Bosdyn_Api_PowerCommandResponse: HeaderedResponse {}
extension Bosdyn_Api_PowerCommandFeedbackRequest: HeaderedRequest {}
extension Bosdyn_Api_PowerCommandFeedbackResponse: HeaderedResponse {}
extension Bosdyn_Api_RobotCommandRequest: HeaderedRequest {}
extension Bosdyn_Api_RobotCommandResponse: HeaderedResponse {}
extension Bosdyn_Api_RobotCommandFeedbackRequest: HeaderedRequest {}
extension Bosdyn_Api_RobotCommandFeedbackResponse: HeaderedResponse {}
extension Bosdyn_Api_RobotStateRequest: HeaderedRequest {}
extension Bosdyn_Api_RobotStateResponse: HeaderedResponse {}
