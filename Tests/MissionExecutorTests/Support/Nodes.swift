import BosdynAPI
import SwiftProtobuf

typealias Node = Bosdyn_Api_Mission_Node

/// Short builders for mission nodes, so a test's tree reads like the tree.
extension Bosdyn_Api_Mission_Node {
  static func make(_ name: String, _ configure: (inout Node) -> Void) -> Node {
    var node = Node()
    node.name = name
    configure(&node)
    return node
  }

  static func sequence(_ name: String = "seq", alwaysRestart: Bool = false, _ children: [Node])
    -> Node
  {
    .make(name) {
      $0.sequence.alwaysRestart = alwaysRestart
      $0.sequence.children = children
    }
  }

  static func selector(_ name: String = "sel", alwaysRestart: Bool = false, _ children: [Node])
    -> Node
  {
    .make(name) {
      $0.selector.alwaysRestart = alwaysRestart
      $0.selector.children = children
    }
  }

  static func constant(_ name: String, _ result: Bosdyn_Api_Mission_Result) -> Node {
    .make(name) { $0.constantResult.result = result }
  }

  static func succeed(_ name: String) -> Node { .constant(name, .success) }
  static func fail(_ name: String) -> Node { .constant(name, .failure) }
  static func running(_ name: String) -> Node { .constant(name, .running) }

  static func sleep(_ name: String, seconds: Float, restartAfterStop: Bool = false) -> Node {
    .make(name) {
      $0.sleep.seconds = seconds
      $0.sleep.restartAfterStop = restartAfterStop
    }
  }

  static func remote(
    _ name: String,
    service: String,
    timeout: Float = 0,
    leaseResources: [String] = [],
    inputs: [Bosdyn_Api_Mission_KeyValue] = [],
    params: Bosdyn_Api_DictParam? = nil,
    groupNameFormat: String = ""
  ) -> Node {
    .make(name) {
      $0.remoteGrpc.serviceName = service
      $0.remoteGrpc.host = "localhost"
      $0.remoteGrpc.timeout = timeout
      $0.remoteGrpc.leaseResources = leaseResources
      $0.remoteGrpc.inputs = inputs
      if let params { $0.remoteGrpc.params = params }
      $0.remoteGrpc.groupNameFormat = groupNameFormat
    }
  }

  static func define(_ name: String, _ variables: [Bosdyn_Api_Mission_KeyValue], child: Node)
    -> Node
  {
    .make(name) {
      $0.defineBlackboard.blackboardVariables = variables
      $0.defineBlackboard.child = child
    }
  }

  static func set(_ name: String, _ variables: [Bosdyn_Api_Mission_KeyValue]) -> Node {
    .make(name) { $0.setBlackboard.blackboardVariables = variables }
  }

  static func format(_ name: String, key: String, _ format: String) -> Node {
    .make(name) {
      $0.formatBlackboard.key = key
      $0.formatBlackboard.format = format
    }
  }

  static func condition(
    _ name: String,
    _ lhs: Bosdyn_Api_Mission_Condition.Operand,
    _ operation: Bosdyn_Api_Mission_Condition.Compare,
    _ rhs: Bosdyn_Api_Mission_Condition.Operand,
    staleness: Bosdyn_Api_Mission_Condition.HandleStaleness = .handleStaleReadAnyway
  ) -> Node {
    .make(name) {
      $0.condition.lhs = lhs
      $0.condition.rhs = rhs
      $0.condition.operation = operation
      $0.condition.handleStaleness = staleness
    }
  }

  /// The same node packed into the deprecated `impl` Any.
  var packedInImpl: Node {
    var node = self
    let message: any SwiftProtobuf.Message
    switch self.type {
    case .sequence(let value): message = value
    case .selector(let value): message = value
    case .constantResult(let value): message = value
    case .sleep(let value): message = value
    case .remoteGrpc(let value): message = value
    case .repeat(let value): message = value
    default: fatalError("pack this type in the test helper first")
    }
    node.impl = try! Google_Protobuf_Any(message: message)
    return node
  }
}

extension Bosdyn_Api_Mission_Condition.Operand {
  static func variable(
    _ name: String,
    _ type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum
  ) -> Self {
    var operand = Self()
    operand.var.name = name
    operand.var.type = type
    return operand
  }

  static func constant(_ value: Bosdyn_Api_Mission_ConstantValue) -> Self {
    var operand = Self()
    operand.const = value
    return operand
  }
}

extension Bosdyn_Api_Mission_ConstantValue {
  static func int(_ value: Int64) -> Self {
    var constant = Self()
    constant.intValue = value
    return constant
  }

  static func float(_ value: Double) -> Self {
    var constant = Self()
    constant.floatValue = value
    return constant
  }

  static func string(_ value: String) -> Self {
    var constant = Self()
    constant.stringValue = value
    return constant
  }

  static func bool(_ value: Bool) -> Self {
    var constant = Self()
    constant.boolValue = value
    return constant
  }
}

extension Bosdyn_Api_Mission_Value {
  static func constant(_ value: Bosdyn_Api_Mission_ConstantValue) -> Self {
    var result = Self()
    result.constant = value
    return result
  }

  static func variable(
    _ name: String,
    _ type: Bosdyn_Api_Mission_VariableDeclaration.TypeEnum = .unknown
  ) -> Self {
    var result = Self()
    result.runtimeVar.name = name
    result.runtimeVar.type = type
    return result
  }

  static func parameter(_ name: String) -> Self {
    var result = Self()
    result.parameter.name = name
    return result
  }
}

extension Bosdyn_Api_Mission_KeyValue {
  static func entry(_ key: String, _ value: Bosdyn_Api_Mission_Value) -> Self {
    var keyValue = Self()
    keyValue.key = key
    keyValue.value = value
    return keyValue
  }

  static func entry(_ key: String, _ constant: Bosdyn_Api_Mission_ConstantValue) -> Self {
    .entry(key, .constant(constant))
  }
}

extension Bosdyn_Api_Lease {
  static func body(epoch: String = "epoch", sequence: [UInt32] = [1]) -> Self {
    var lease = Self()
    lease.resource = "body"
    lease.epoch = epoch
    lease.sequence = sequence
    return lease
  }
}
