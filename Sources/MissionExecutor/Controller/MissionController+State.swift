import BosdynCore
public import BosdynAPI
import Synchronization

extension MissionController {
  /// The mission state (GetState), as mission.proto describes it.
  ///
  /// - `status`: `STATUS_NONE` when no mission is loaded, and also after a load until the first
  ///   play (Boston Dynamics' replay example plays in a loop while the status is NONE or
  ///   RUNNING, so a loaded mission must read as one of those; NONE says truthfully that
  ///   nothing runs yet, and `mission_id` tells that a mission is loaded).
  /// - `tick_counter`: -1 until the first tick, then the number of the latest tick (from 0).
  /// - `mission_id`: -1 when no mission is loaded.
  /// - `history`: newest first, the ticks `query` asks for that are still kept; `history[0]`
  ///   is the latest tick when no upper bound is given. Each tick lists the nodes ticked, in
  ///   the order they were ticked, with their result, error, NodeInfo id and, for nodes that
  ///   define blackboard variables, those variables.
  /// - `questions`, `answered_questions` (bounded), `active_mission_text`, `error`.
  public func state(_ query: StateQuery = StateQuery()) -> Bosdyn_Api_Mission_State {
    self.storage.withLock { storage in
      var state = Bosdyn_Api_Mission_State()
      guard let mission = storage.mission else {
        state.status = .none
        state.tickCounter = -1
        state.missionID = -1
        return state
      }
      state.status = mission.status
      state.error = mission.error
      state.tickCounter = mission.tickCounter
      state.missionID = mission.id
      state.questions = mission.questions.outstanding.map(\.question)
      state.answeredQuestions = mission.questions.answered
      state.activeMissionText = mission.missionTexts
      state.history = Self.history(of: mission, query)
      return state
    }
  }

  /// The state a GetState request asks for.
  public func state(for request: Bosdyn_Api_Mission_GetStateRequest) -> Bosdyn_Api_Mission_State {
    self.state(StateQuery(request))
  }

  private static func history(of mission: MissionRuntime, _ query: StateQuery)
    -> [Bosdyn_Api_Mission_State.NodeStatesAtTick]
  {
    guard let newest = mission.history.newest else { return [] }
    let upper = min(query.upperTick ?? newest.tick, newest.tick)
    let lower: Int64
    switch query.lowerBound {
    case .tick(let tick): lower = tick
    case .pastTicks(let count): lower = upper - max(0, count)
    case nil: lower = upper
    }
    var history: [Bosdyn_Api_Mission_State.NodeStatesAtTick] = []
    var tick = upper
    while tick >= lower, let record = mission.history.record(tick: tick) {
      history.append(Self.nodeStates(record))
      tick -= 1
    }
    return history
  }

  private static func nodeStates(_ record: TickRecord) -> Bosdyn_Api_Mission_State.NodeStatesAtTick
  {
    var states = Bosdyn_Api_Mission_State.NodeStatesAtTick()
    states.tickCounter = record.tick
    states.tickStartTimestamp = record.startedAt
    states.nodeStates = record.nodes.map { node in
      var state = Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState()
      state.result = node.status.result
      if let error = node.error { state.error = error }
      state.id = Int64(node.node) + 1
      if let variables = node.variables {
        state.blackboard.variables = variables.sorted { $0.key < $1.key }.map { name, entry in
          var variable = Bosdyn_Api_Mission_KeyValue()
          variable.key = name
          variable.value.constant = entry.value.constant
          return variable
        }
      }
      return state
    }
    return states
  }
}
