public import BosdynAPI
public import SwiftProtobuf
import BosdynClient

/// A Spot API response message: every one has a `bosdyn.api.ResponseHeader`.
public protocol HeaderedResponse: SwiftProtobuf.Message {
  /// The response header the server stamps.
  var header: Bosdyn_Api_ResponseHeader { get set }
}

extension Bosdyn_Api_Mission_EstablishSessionResponse: HeaderedResponse {}
extension Bosdyn_Api_Mission_TickResponse: HeaderedResponse {}
extension Bosdyn_Api_Mission_StopResponse: HeaderedResponse {}
extension Bosdyn_Api_Mission_TeardownSessionResponse: HeaderedResponse {}
extension Bosdyn_Api_Mission_GetRemoteMissionServiceInfoResponse: HeaderedResponse {}

extension Bosdyn_Api_ResponseHeader {
  /// Fills the header as the Spot API expects of every service: the request header echoed,
  /// when the request arrived, when the response left, and `CODE_OK` unless the handler set
  /// another code. Timestamps a handler already set are kept.
  ///
  /// - Parameters:
  ///   - requestHeader: The request's header (empty when the caller sent none, as the Python
  ///     `RemoteClient` does when used directly on a channel).
  ///   - receivedAt: When the request arrived.
  public mutating func stamp(
    echoing requestHeader: Bosdyn_Api_RequestHeader,
    receivedAt: Google_Protobuf_Timestamp
  ) {
    self.requestHeader = requestHeader
    if !self.hasRequestReceivedTimestamp {
      self.requestReceivedTimestamp = receivedAt
    }
    if self.error.code == .unspecified {
      self.error.code = .ok
    }
    if !self.hasResponseTimestamp {
      self.responseTimestamp = .now
    }
  }
}
