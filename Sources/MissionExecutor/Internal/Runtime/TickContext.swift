import BosdynCore
import BosdynAPI
import Clocks
import Foundation

/// What a node sees while it is ticked (or stopped, or answered): the time, the blackboard of
/// its ancestors, and where to put its record and the calls it makes.
///
/// One context is made per cycle and reused by every node of it, so a cycle allocates little
/// beyond the record array.
final class TickContext {
  /// The loaded mission.
  let mission: MissionRuntime
  /// The tick counter of the tick in progress (or of the last tick, outside a tick).
  var tick: Int64
  /// The executor's clock at the start of the cycle.
  let now: AnyClock<Duration>.Instant
  /// Time the mission has been playing, pauses excluded: Sleep and ForDuration count this.
  let missionTime: Duration
  /// The scoped blackboard of the node being ticked.
  var blackboard = Blackboard()
  /// The records of the nodes ticked so far this tick.
  var records: [NodeRecord] = []
  /// Calls made this cycle, started once the cycle is over.
  var calls: [PendingCall] = []
  /// The failure message of the node about to return; its `tick` takes it into its record.
  var error: String?
  /// The message of the first `RESULT_ERROR` this tick, which becomes the mission's error.
  var missionError: String?
  /// CreateMissionText nodes that are running this tick.
  var missionTexts: [Bosdyn_Api_Mission_MissionText] = []

  init(
    mission: MissionRuntime,
    tick: Int64,
    now: AnyClock<Duration>.Instant,
    missionTime: Duration,
    expectedRecords: Int
  ) {
    self.mission = mission
    self.tick = tick
    self.now = now
    self.missionTime = missionTime
    self.records.reserveCapacity(expectedRecords)
  }

  /// Returns `FAILURE`, with `message` as the node's error.
  func fail(_ message: String) -> NodeStatus {
    self.error = message
    return .failure
  }

  /// Returns `ERROR`, with `message` as the node's and (if first) the mission's error.
  func raise(_ message: String) -> NodeStatus {
    self.error = message
    if self.missionError == nil { self.missionError = message }
    return .error
  }

  /// The robot's wall-clock time now.
  var wallTime: Date {
    self.mission.robotClock.wallTime(at: self.now)
  }

  /// Queues a call for the node with index `node`; returns its token and cancellation handle.
  func call(
    from node: Int,
    timeout: Duration?,
    _ body: @escaping @Sendable () async throws -> any Sendable
  ) -> (token: UInt64, cancellation: OneShotSignal) {
    let token = self.mission.nextToken()
    let cancellation = OneShotSignal()
    self.calls.append(
      PendingCall(
        missionID: self.mission.id,
        node: node,
        token: token,
        deadline: timeout.map { self.now.advanced(by: $0) },
        cancellation: cancellation,
        body: body
      )
    )
    return (token, cancellation)
  }
}
