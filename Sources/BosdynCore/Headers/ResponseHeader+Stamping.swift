public import BosdynAPI
public import SwiftProtobuf

extension Bosdyn_Api_ResponseHeader {
  /// Fills the header as the Spot API expects of every service: the request header echoed,
  /// when the request arrived, when the response left, and `CODE_OK` unless the handler set
  /// another code. Timestamps a handler already set are kept (time sync sets its own, as close
  /// to the wire as it can).
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

  /// A header carrying only an error: what a handler sets on its response before the response
  /// is stamped, when the request itself was wrong.
  public static func error(_ code: Bosdyn_Api_CommonError.Code, _ message: String) -> Self {
    var header = Self()
    header.error.code = code
    header.error.message = message
    return header
  }
}
