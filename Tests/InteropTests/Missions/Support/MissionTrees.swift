import BosdynAPI
import Foundation
import SwiftProtobuf

/// The missions these tests load into the simulated robot, built as a client builds them, so
/// each test's tree reads like the tree and every test loads the same shapes.
enum MissionTrees {
  typealias Node = Bosdyn_Api_Mission_Node

  /// A node named `name` configured by `configure`.
  static func node(_ name: String, _ configure: (inout Node) -> Void) -> Node {
    var node = Node()
    node.name = name
    configure(&node)
    return node
  }

  /// Succeeds at its first tick: the mission a test loads to show the robot still serves.
  static func succeed(_ name: String = "Done") -> Node {
    node(name) { $0.constantResult.result = .success }
  }

  /// Sleeps `seconds` of mission time.
  static func sleep(_ name: String, seconds: Float) -> Node {
    node(name) { $0.sleep.seconds = seconds }
  }

  /// Asks "Go on?" with options 1 (yes) and 2 (no), then runs `child`.
  static func prompt(then child: Node) -> Node {
    node("Ask") {
      $0.prompt.text = "Go on?"
      $0.prompt.source = "answer"
      $0.prompt.optionsList.options = [option("yes", 1), option("no", 2)]
      $0.prompt.child = child
    }
  }

  /// Asks for a `speed` between 0 and 10 as a custom parameter, then succeeds.
  static func speedPrompt() -> Node {
    node("Ask speed") {
      $0.prompt.text = "How fast?"
      $0.prompt.source = "speed"
      var spec = Bosdyn_Api_Int64Param.Spec()
      spec.defaultValue = .init(1)
      spec.minValue = .init(0)
      spec.maxValue = .init(10)
      var child = Bosdyn_Api_DictParam.ChildSpec()
      child.spec.intSpec = spec
      $0.prompt.customParams.specs["speed"] = child
    }
  }

  /// A `speed` answer for ``speedPrompt()``.
  static func speed(_ value: Int64) -> Bosdyn_Api_DictParam {
    var param = Bosdyn_Api_CustomParam()
    param.intValue.value = value
    var dict = Bosdyn_Api_DictParam()
    dict.values["speed"] = param
    return dict
  }

  /// A RemoteGrpc node calling `service` in the robot's directory.
  static func callback(
    _ name: String,
    service: String,
    timeout: Float = 5,
    leaseResources: [String] = [],
    inputs: [Bosdyn_Api_Mission_KeyValue] = [],
    params: Bosdyn_Api_DictParam? = nil,
    groupNameFormat: String = ""
  ) -> Node {
    node(name) {
      $0.remoteGrpc.host = "localhost"
      $0.remoteGrpc.serviceName = service
      $0.remoteGrpc.timeout = timeout
      $0.remoteGrpc.leaseResources = leaseResources
      $0.remoteGrpc.inputs = inputs
      if let params { $0.remoteGrpc.params = params }
      $0.remoteGrpc.groupNameFormat = groupNameFormat
    }
  }

  /// An int param, such as the recording callback's `ticks`.
  static func intParams(_ values: [String: Int64]) -> Bosdyn_Api_DictParam {
    var dict = Bosdyn_Api_DictParam()
    for (key, value) in values {
      var param = Bosdyn_Api_CustomParam()
      param.intValue.value = value
      dict.values[key] = param
    }
    return dict
  }

  // MARK: Missions the robot must refuse

  /// A node whose `impl` names a type that does not exist.
  static func unknownType() -> Node {
    node("Mystery") {
      $0.impl.typeURL = "type.googleapis.com/bosdyn.api.mission.NoSuchNode"
    }
  }

  /// A sequence whose child refers back to the sequence itself.
  static func cyclic() -> Node {
    node("Loop") {
      $0.referenceID = "loop"
      $0.sequence.children = [node("Again") { $0.nodeReference = "loop" }]
    }
  }

  /// Sequences nested `depth` levels in the `type` oneof (two wire messages a level).
  static func deepTyped(depth: Int) -> Node {
    var tree = sleep("leaf", seconds: 1)
    for level in 0..<depth {
      let child = tree
      tree = node("level \(level)") { $0.sequence.children = [child] }
    }
    return tree
  }

  /// Sequences nested `depth` levels in the deprecated `impl` Any, as the spot-sdk's
  /// build_mission example writes them: each level is opaque bytes, so the wire stays shallow.
  static func deepPacked(depth: Int) throws -> Node {
    var tree = node("leaf") { _ in }
    tree.impl = try packed(Bosdyn_Api_Mission_Sleep.with { $0.seconds = 1 })
    for level in 0..<depth {
      let sequence = Bosdyn_Api_Mission_Sequence.with { $0.children = [tree] }
      tree = node("level \(level)") { _ in }
      tree.impl = try packed(sequence)
    }
    return tree
  }

  /// `message` in an Any holding its bytes, as Python's `Any.Pack` does. SwiftProtobuf's
  /// `Google_Protobuf_Any(message:)` keeps the message and serializes it whenever the Any is
  /// sized or written, twice per level, so nesting such Anys costs 2^depth serializations.
  private static func packed(_ message: some SwiftProtobuf.Message) throws -> Google_Protobuf_Any {
    var any = Google_Protobuf_Any()
    any.typeURL = "type.googleapis.com/\(type(of: message).protoMessageName)"
    any.value = try message.serializedBytes()
    return any
  }

  /// A sequence of `count` one-tick sleeps, each with `bytesEach` of user data: a mission as
  /// large as a recorded Autowalk, far beyond one gRPC message.
  static func large(count: Int, bytesEach: Int) -> Node {
    node("Large") {
      $0.sequence.children = (0..<count).map { index in
        node("step \(index)") {
          $0.sleep.seconds = 0
          $0.userData.id = "step-\(index)"
          $0.userData.bytestring = Data(
            repeating: UInt8(truncatingIfNeeded: index),
            count: bytesEach
          )
        }
      }
    }
  }

  private static func option(_ text: String, _ code: Int64) -> Bosdyn_Api_Mission_Prompt.Option {
    var option = Bosdyn_Api_Mission_Prompt.Option()
    option.text = text
    option.answerCode = code
    return option
  }
}
