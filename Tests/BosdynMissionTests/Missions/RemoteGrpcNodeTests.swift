import BosdynAPI
import BosdynCore
import BosdynMission
import SwiftProtobuf
import Testing

@Suite("Mission building")
struct RemoteGrpcNodeTests {
  @Test func aNodeWrapsTheRemoteGrpcCallAndSurvivesTheWire() throws {
    var call = RemoteGrpcNode(name: "greet", serviceName: "hello-world-callback")
    call.leaseResources = ["body", "arm"]
    call.inputs = [.constant("user-string", string: "Spot")]
    call.timeout = .milliseconds(2500)
    let bytes: [UInt8] = try call.makeNode().serializedBytes()

    let node = try Bosdyn_Api_Mission_Node(serializedBytes: bytes)
    #expect(node.name == "greet")
    #expect(node.impl.isA(Bosdyn_Api_Mission_RemoteGrpc.self))
    let decoded = try Bosdyn_Api_Mission_RemoteGrpc(unpackingAny: node.impl)
    #expect(decoded.serviceName == "hello-world-callback")
    #expect(decoded.host == "localhost")
    #expect(decoded.leaseResources == ["body", "arm"])
    #expect(decoded.timeout == 2.5)
    #expect(decoded.inputs.constantString(forKey: "user-string") == "Spot")
    #expect(node.impl.typeURL == "type.googleapis.com/bosdyn.api.mission.RemoteGrpc")
  }
}
