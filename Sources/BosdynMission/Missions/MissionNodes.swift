public import BosdynAPI
import BosdynCore
import SwiftProtobuf

/// Builders for the mission nodes Spot's mission service runs, so that a mission reads like its
/// tree (the Swift counterpart of `bosdyn.mission.util`):
///
/// ```swift
/// let mission = Bosdyn_Api_Mission_Node.sequence("Greet, then power off", [
///   .remoteGrpc("Greet", serviceName: "hello-world-callback",
///               inputs: [.constant("user-string", string: "Spot")]),
///   .sleep("Wait", seconds: 1),
///   .powerRequest("Power off", .offMotors),
/// ])
/// try mission.serializedBytes()  // what build-mission writes and LoadMission takes
/// ```
///
/// Every builder fills the node's `type` oneof (not the deprecated `impl`), names the node, and
/// leaves everything else at the proto's defaults; set more on the result as needed. What each
/// node does is described in the MissionExecutor module's "Node semantics".
extension Bosdyn_Api_Mission_Node {
  /// A node named `name`, configured by `configure`.
  public static func named(_ name: String, _ configure: (inout Self) -> Void) -> Self {
    var node = Self()
    node.name = name
    configure(&node)
    return node
  }

  /// Runs the children in order until one fails.
  public static func sequence(_ name: String, alwaysRestart: Bool = false, _ children: [Self])
    -> Self
  {
    .named(name) {
      $0.sequence.alwaysRestart = alwaysRestart
      $0.sequence.children = children
    }
  }

  /// Runs the children in order until one succeeds.
  public static func selector(_ name: String, alwaysRestart: Bool = false, _ children: [Self])
    -> Self
  {
    .named(name) {
      $0.selector.alwaysRestart = alwaysRestart
      $0.selector.children = children
    }
  }

  /// Runs the child whose key is the pivot value (an integer), else `defaultChild`.
  public static func `switch`(
    _ name: String,
    pivot: Bosdyn_Api_Mission_Value,
    alwaysRestart: Bool = false,
    cases: [Int32: Self],
    defaultChild: Self? = nil
  ) -> Self {
    .named(name) {
      $0.switch.pivotValue = pivot
      $0.switch.alwaysRestart = alwaysRestart
      $0.switch.intChildren = cases
      if let defaultChild { $0.switch.defaultChild = defaultChild }
    }
  }

  /// Starts `child` `maxStarts` times.
  public static func `repeat`(
    _ name: String,
    maxStarts: Int32,
    startCounter: String = "",
    respectChildFailure: Bool = false,
    _ child: Self
  ) -> Self {
    .named(name) {
      $0.repeat.maxStarts = maxStarts
      $0.repeat.startCounterStateName = startCounter
      $0.repeat.respectChildFailure = respectChildFailure
      $0.repeat.child = child
    }
  }

  /// Runs `child` until it succeeds, at most `maxAttempts` times.
  public static func retry(
    _ name: String,
    maxAttempts: Int32,
    attemptCounter: String = "",
    _ child: Self
  ) -> Self {
    .named(name) {
      $0.retry.maxAttempts = maxAttempts
      $0.retry.attemptCounterStateName = attemptCounter
      $0.retry.child = child
    }
  }

  /// Runs `child` for at most `duration` of mission time, then `timeoutChild` (or fails).
  public static func forDuration(
    _ name: String,
    _ duration: Duration,
    timeRemaining: String = "",
    _ child: Self,
    timeoutChild: Self? = nil
  ) -> Self {
    .named(name) {
      $0.forDuration.duration = .init(rounding: duration)
      $0.forDuration.timeRemainingName = timeRemaining
      $0.forDuration.child = child
      if let timeoutChild { $0.forDuration.timeoutChild = timeoutChild }
    }
  }

  /// Runs `primary` and, beside it, `secondary`; ends with the primary.
  public static func simpleParallel(
    _ name: String,
    primary: Self,
    secondary: Self,
    runSecondaryOnce: Bool = false
  ) -> Self {
    .named(name) {
      $0.simpleParallel.primary = primary
      $0.simpleParallel.secondary = secondary
      $0.simpleParallel.runSecondaryNodeOnce = runSecondaryOnce
    }
  }

  /// Runs every child together until all finished (or one failed, unless `finishEveryNode`).
  public static func parallelAnd(_ name: String, finishEveryNode: Bool = false, _ children: [Self])
    -> Self
  {
    .named(name) {
      $0.parallelAnd.finishEveryNode = finishEveryNode
      $0.parallelAnd.children = children
    }
  }

  /// Waits `seconds` of mission time.
  public static func sleep(_ name: String, seconds: Float, restartAfterStop: Bool = false) -> Self {
    .named(name) {
      $0.sleep.seconds = seconds
      $0.sleep.restartAfterStop = restartAfterStop
    }
  }

  /// Always answers `result`.
  public static func constantResult(_ name: String, _ result: Bosdyn_Api_Mission_Result) -> Self {
    .named(name) { $0.constantResult.result = result }
  }

  /// Compares two operands.
  public static func condition(
    _ name: String,
    _ lhs: Bosdyn_Api_Mission_Condition.Operand,
    _ operation: Bosdyn_Api_Mission_Condition.Compare,
    _ rhs: Bosdyn_Api_Mission_Condition.Operand,
    staleness: Bosdyn_Api_Mission_Condition.HandleStaleness = .handleStaleReadAnyway
  ) -> Self {
    .named(name) {
      $0.condition.lhs = lhs
      $0.condition.rhs = rhs
      $0.condition.operation = operation
      $0.condition.handleStaleness = staleness
    }
  }

  /// Defines blackboard variables for `child`'s subtree (Python: `util.define_blackboard`).
  public static func defineBlackboard(
    _ name: String,
    _ variables: [Bosdyn_Api_Mission_KeyValue],
    _ child: Self
  ) -> Self {
    .named(name) {
      $0.defineBlackboard.blackboardVariables = variables
      $0.defineBlackboard.child = child
    }
  }

  /// Writes blackboard variables (Python: `util.set_blackboard`).
  public static func setBlackboard(_ name: String, _ variables: [Bosdyn_Api_Mission_KeyValue])
    -> Self
  {
    .named(name) { $0.setBlackboard.blackboardVariables = variables }
  }

  /// Writes `format`, with `{variable}` fields filled from the blackboard, to `key`.
  public static func formatBlackboard(_ name: String, key: String, format: String) -> Self {
    .named(name) {
      $0.formatBlackboard.key = key
      $0.formatBlackboard.format = format
    }
  }

  /// Writes the robot's date and time to `key`.
  public static func dateToBlackboard(_ name: String, key: String) -> Self {
    .named(name) { $0.dateToBlackboard.key = key }
  }

  /// Asks the operator `text` with `options`, writes the answer code to `source`, then runs
  /// `child`.
  public static func prompt(
    _ name: String,
    text: String,
    source: String,
    options: [(text: String, code: Int64)],
    alwaysReprompt: Bool = false,
    child: Self? = nil
  ) -> Self {
    .named(name) {
      $0.prompt.text = text
      $0.prompt.source = source
      $0.prompt.alwaysReprompt = alwaysReprompt
      $0.prompt.optionsList.options = options.map { option in
        var entry = Bosdyn_Api_Mission_Prompt.Option()
        entry.text = option.text
        entry.answerCode = option.code
        return entry
      }
      if let child { $0.prompt.child = child }
    }
  }

  /// Asks the operator for custom parameter values fitting `spec`, writes them to `source`,
  /// then runs `child`.
  public static func prompt(
    _ name: String,
    text: String,
    source: String,
    customParams spec: Bosdyn_Api_DictParam.Spec,
    child: Self? = nil
  ) -> Self {
    .named(name) {
      $0.prompt.text = text
      $0.prompt.source = source
      $0.prompt.customParams = spec
      if let child { $0.prompt.child = child }
    }
  }

  /// Calls a remote mission service (a callback) by its directory name.
  public static func remoteGrpc(
    _ name: String,
    serviceName: String,
    timeout: Duration? = nil,
    leaseResources: [String] = [],
    inputs: [Bosdyn_Api_Mission_KeyValue] = [],
    params: Bosdyn_Api_DictParam? = nil,
    groupNameFormat: String = ""
  ) -> Self {
    var call = RemoteGrpcNode(
      name: name,
      serviceName: serviceName,
      timeout: timeout,
      leaseResources: leaseResources,
      inputs: inputs,
      params: params,
      groupNameFormat: groupNameFormat
    )
    call.host = "localhost"
    return .named(name) { $0.remoteGrpc = call.message }
  }

  /// Retains the mission's leases with the robot's lease service.
  public static func retainLease(_ name: String, serviceName: String = "lease") -> Self {
    .named(name) {
      $0.retainLease.serviceName = serviceName
      $0.retainLease.host = "localhost"
    }
  }

  /// Reads the robot's state into `stateName` on the blackboard, then runs `child`.
  public static func robotState(
    _ name: String,
    stateName: String = "state",
    serviceName: String = "robot-state",
    _ child: Self
  ) -> Self {
    .named(name) {
      $0.bosdynRobotState.serviceName = serviceName
      $0.bosdynRobotState.host = "localhost"
      $0.bosdynRobotState.stateName = stateName
      $0.bosdynRobotState.child = child
    }
  }

  /// Sends a power request (motors on or off) with the mission's body lease.
  public static func powerRequest(
    _ name: String,
    _ request: Bosdyn_Api_PowerCommandRequest.Request,
    serviceName: String = "power"
  ) -> Self {
    .named(name) {
      $0.bosdynPowerRequest.serviceName = serviceName
      $0.bosdynPowerRequest.host = "localhost"
      $0.bosdynPowerRequest.request = request
    }
  }

  /// Sends a robot command (stand, sit, safe power off…) with the mission's body lease.
  public static func robotCommand(
    _ name: String,
    _ command: Bosdyn_Api_RobotCommand,
    serviceName: String = "robot-command"
  ) -> Self {
    .named(name) {
      $0.bosdynRobotCommand.serviceName = serviceName
      $0.bosdynRobotCommand.host = "localhost"
      $0.bosdynRobotCommand.command = command
    }
  }

  /// Shows `text` (formatted from the blackboard) as active mission text while the node runs.
  public static func missionText(
    _ name: String,
    _ text: String,
    severity: Bosdyn_Api_AlertData.SeverityLevel = .info,
    child: Self? = nil
  ) -> Self {
    .named(name) {
      $0.createMissionText.missionText = text
      $0.createMissionText.severity = severity
      if let child { $0.createMissionText.child = child }
    }
  }

  /// Stands in for the node whose `reference_id` is `referenceID`.
  public static func reference(_ name: String, to referenceID: String) -> Self {
    .named(name) { $0.nodeReference = referenceID }
  }

  /// The tree as indented lines of `name (type)`, for logs and printing (Python:
  /// `util.tree_to_string`).
  public var treeDescription: String {
    var lines: [String] = []
    self.describe(level: 0, into: &lines)
    return lines.joined(separator: "\n")
  }

  private func describe(level: Int, into lines: inout [String]) {
    let indent = String(repeating: "  ", count: level)
    lines.append("\(indent)\(self.name.isEmpty ? "<unnamed>" : self.name) (\(self.typeName))")
    for child in self.children {
      child.describe(level: level + 1, into: &lines)
    }
  }

  /// The node type's proto name, such as `Sequence`, or `reference to X`.
  public var typeName: String {
    switch self.type {
    case .nodeReference(let id): return "reference to \(id)"
    case .impl(let any):
      return String(any.typeURL.split(separator: ".").last ?? "impl")
    case nil: return "no implementation"
    default:
      // The oneof case's name, e.g. `remoteGrpc` → `RemoteGrpc`.
      let label = String(describing: self.type!).prefix { $0 != "(" }
      return label.prefix(1).uppercased() + label.dropFirst()
    }
  }

  /// The nodes directly below this one, in the order they run.
  public var children: [Self] {
    switch self.type {
    case .sequence(let node): return node.children
    case .selector(let node): return node.children
    case .parallelAnd(let node): return node.children
    case .switch(let node):
      return node.intChildren.sorted { $0.key < $1.key }.map(\.value)
        + (node.hasDefaultChild ? [node.defaultChild] : [])
    case .repeat(let node): return node.hasChild ? [node.child] : []
    case .retry(let node): return node.hasChild ? [node.child] : []
    case .forDuration(let node):
      return (node.hasChild ? [node.child] : []) + (node.hasTimeoutChild ? [node.timeoutChild] : [])
    case .simpleParallel(let node):
      return (node.hasPrimary ? [node.primary] : []) + (node.hasSecondary ? [node.secondary] : [])
    case .defineBlackboard(let node): return node.hasChild ? [node.child] : []
    case .prompt(let node): return node.hasChild ? [node.child] : []
    case .bosdynRobotState(let node): return node.hasChild ? [node.child] : []
    case .createMissionText(let node): return node.hasChild ? [node.child] : []
    default: return []
    }
  }
}
