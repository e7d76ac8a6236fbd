public import BosdynAPI

/// What a ``MissionRun`` saw: the final status and every tick's node states.
public struct MissionOutcome: Sendable {
  /// The mission's status at the end: `STATUS_SUCCESS`, `STATUS_FAILURE`, `STATUS_ERROR`, or
  /// `STATUS_RUNNING` when the cycle limit came first.
  public var status: Bosdyn_Api_Mission_State.Status
  /// The mission's error, with `STATUS_ERROR`.
  public var error: String
  /// How many cycles ran.
  public var cycles: Int
  /// Every tick's node states, oldest first.
  public var ticks: [Bosdyn_Api_Mission_State.NodeStatesAtTick]
  /// The mission's structure, to relate node state ids to nodes.
  public var missionInfo: Bosdyn_Api_Mission_MissionInfo
  /// The state at the end, with the questions, answered questions and mission text.
  public var finalState: Bosdyn_Api_Mission_State

  /// Whether the mission succeeded.
  public var succeeded: Bool { self.status == .success }

  /// The ids of the nodes named `name`.
  public func ids(ofNodeNamed name: String) -> [Int64] {
    var ids: [Int64] = []
    func visit(_ info: Bosdyn_Api_Mission_NodeInfo) {
      if info.name == name { ids.append(info.id) }
      info.children.forEach(visit)
    }
    visit(self.missionInfo.root)
    return ids
  }

  /// The states of the node named `name` in every tick that ticked it, oldest first.
  public func states(ofNodeNamed name: String) -> [(
    tick: Int64, state: Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState
  )] {
    let ids = Set(self.ids(ofNodeNamed: name))
    return self.ticks.flatMap { tick in
      tick.nodeStates.filter { ids.contains($0.id) }.map { (tick.tickCounter, $0) }
    }
  }

  /// The last state of the node named `name`, if it was ticked.
  public func lastState(ofNodeNamed name: String)
    -> Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState?
  {
    self.states(ofNodeNamed: name).last?.state
  }
}
