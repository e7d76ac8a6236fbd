import BosdynCore
import BosdynAPI
import BosdynRobot
import Foundation
import SwiftProtobuf
import Testing

@Suite("Request header stamping")
struct HeaderStampingTests {
  @Test("stamping sets the client name and a current timestamp, keeping the rest")
  func stamps() {
    var request = Bosdyn_Api_AcquireLeaseRequest()
    request.resource = "body"
    let before = Date().timeIntervalSince1970
    let stamped = request.stamped(clientName: "tester")
    let after = Date().timeIntervalSince1970
    #expect(stamped.header.clientName == "tester")
    #expect(stamped.resource == "body")
    let sent = stamped.header.requestTimestamp.date.timeIntervalSince1970
    #expect(sent >= before - 0.001 && sent <= after + 0.001)
  }
}
