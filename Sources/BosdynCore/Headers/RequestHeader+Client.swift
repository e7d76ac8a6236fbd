public import BosdynAPI
import SwiftProtobuf

extension Bosdyn_Api_RequestHeader {
  /// A request header naming the calling client and stamped with the current time, as the
  /// Python SDK's header processors fill it in for calls made through a robot.
  ///
  /// - Parameter clientName: Identifies the caller in the robot's logs.
  public static func stamped(clientName: String) -> Self {
    var header = Bosdyn_Api_RequestHeader()
    header.clientName = clientName
    header.requestTimestamp = .now
    return header
  }
}
