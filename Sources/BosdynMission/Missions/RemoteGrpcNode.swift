public import BosdynAPI
public import BosdynCore
import Foundation
import SwiftProtobuf

/// A mission node that calls a remote mission service: what Autowalk's callback actions
/// compile to (`bosdyn.api.mission.RemoteGrpc` packed into a `bosdyn.api.mission.Node`).
///
/// ```swift
/// var call = RemoteGrpcNode(serviceName: "hello-world-callback")
/// call.inputs = [.constant("user-string", string: "Spot")]
/// let bytes = try call.makeNode().serializedBytes() as [UInt8]
/// ```
public struct RemoteGrpcNode: Sendable {
  /// The node's name, shown in mission logs.
  public var name: String
  /// The service's name in the robot's directory.
  public var serviceName: String
  /// The robot that hosts the directory; `localhost` is the robot running the mission.
  public var host: String
  /// How long the mission waits for each call; `nil` leaves the robot's default.
  public var timeout: Duration?
  /// Resources (such as `body`) whose leases the mission passes to the service.
  public var leaseResources: [String]
  /// Input values passed on every tick.
  public var inputs: [KeyValue]
  /// Custom parameter values passed on every tick.
  public var params: DictParam?
  /// Format of the group name passed on every tick.
  public var groupNameFormat: String

  /// Describes a call to `serviceName` on the robot running the mission.
  public init(
    name: String = "",
    serviceName: String,
    host: String = "localhost",
    timeout: Duration? = nil,
    leaseResources: [String] = [],
    inputs: [KeyValue] = [],
    params: DictParam? = nil,
    groupNameFormat: String = ""
  ) {
    self.name = name
    self.serviceName = serviceName
    self.host = host
    self.timeout = timeout
    self.leaseResources = leaseResources
    self.inputs = inputs
    self.params = params
    self.groupNameFormat = groupNameFormat
  }

  /// The `RemoteGrpc` message.
  public var message: Bosdyn_Api_Mission_RemoteGrpc {
    var call = Bosdyn_Api_Mission_RemoteGrpc()
    call.host = self.host
    call.serviceName = self.serviceName
    if let timeout = self.timeout {
      let (seconds, attoseconds) = timeout.components
      call.timeout = Float(seconds) + Float(attoseconds) / 1e18
    }
    call.leaseResources = self.leaseResources
    call.inputs = self.inputs
    if let params = self.params { call.params = params }
    call.groupNameFormat = self.groupNameFormat
    return call
  }

  /// A mission `Node` whose implementation is this call, ready to serialize.
  ///
  /// - Throws: When packing into `google.protobuf.Any` fails (it does not for valid messages).
  public func makeNode() throws -> Bosdyn_Api_Mission_Node {
    var node = Bosdyn_Api_Mission_Node()
    node.name = self.name
    node.impl = try Google_Protobuf_Any(message: self.message)
    return node
  }
}
