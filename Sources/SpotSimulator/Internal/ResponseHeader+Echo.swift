import BosdynAPI
import BosdynCore
import SwiftProtobuf

extension Bosdyn_Api_ResponseHeader {
  /// The header every simulated service answers with, as the robot fills it: the request header
  /// echoed, when the request arrived, when the response left, and the error code (`CODE_OK` by
  /// default). Time sync relies on the two timestamps being taken as close to the wire as the
  /// handler allows.
  static func echoing(
    _ requestHeader: Bosdyn_Api_RequestHeader,
    receivedAt: Google_Protobuf_Timestamp,
    code: Bosdyn_Api_CommonError.Code = .ok,
    message: String = ""
  ) -> Self {
    var header = Self()
    header.requestHeader = requestHeader
    header.requestReceivedTimestamp = receivedAt
    header.error.code = code
    header.error.message = message
    header.responseTimestamp = .now
    return header
  }
}

extension Bosdyn_Api_RequestHeader {
  /// The caller's name for log lines.
  var callerForLog: String {
    self.clientName.isEmpty ? "unnamed client" : self.clientName
  }

  /// The lease owner a call from this header claims to be.
  var leaseOwner: Bosdyn_Api_LeaseOwner {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = self.clientName
    return owner
  }
}
