import BosdynCore
import BosdynAPI
import Clocks
import Foundation
import SwiftProtobuf

/// A loaded mission and everything it remembers while it runs: its nodes, play state, history,
/// questions. Lives inside the controller's lock; every method runs under it.
final class MissionRuntime {
  let id: Int64
  let compiled: CompiledMission
  let nodes: [ExecNode]
  let root: ExecNode
  let remoteNodes: [RemoteGrpcExec]
  let environment: any MissionEnvironment
  let configuration: MissionController.Configuration
  let robotClock: RobotClock
  let groupName: String?
  /// Hands out question ids unique across the missions of one controller.
  let nextQuestionID: () -> Int64

  var status: Bosdyn_Api_Mission_State.Status = .none
  var error = ""
  var tickCounter: Int64 = -1
  var history: TickHistory
  var questions: QuestionBook
  var missionTexts: [Bosdyn_Api_Mission_MissionText] = []
  var pauseAt: AnyClock<Duration>.Instant?
  /// Leases given to play, by resource.
  private(set) var leases: [String: Bosdyn_Api_Lease] = [:]
  /// Bumped whenever ``leases`` change, so nodes can cache their subleases.
  private(set) var leaseGeneration = 0
  var settings = Bosdyn_Api_Mission_PlaySettings()
  private(set) var missionTime: Duration = .zero
  private var lastPlayingCycle: AnyClock<Duration>.Instant?
  /// When the mission stopped playing (pause, stop), so mission time counts up to that instant.
  var haltedAt: AnyClock<Duration>.Instant?
  /// Whether the nodes of the newest record still have to be told they stopped.
  private var stopCheckPending = false
  /// RemoteGrpc nodes that owe their service a Stop they could not send yet.
  var pendingStops: [RemoteGrpcExec] = []
  private var tokens: UInt64 = 0

  init(
    id: Int64,
    compiled: CompiledMission,
    nodes: [ExecNode],
    environment: any MissionEnvironment,
    configuration: MissionController.Configuration,
    robotClock: RobotClock,
    groupName: String?,
    nextQuestionID: @escaping () -> Int64
  ) {
    self.id = id
    self.compiled = compiled
    self.nodes = nodes
    self.root = nodes[0]
    self.remoteNodes = nodes.compactMap { $0 as? RemoteGrpcExec }
    self.environment = environment
    self.configuration = configuration
    self.robotClock = robotClock
    self.groupName = groupName
    self.nextQuestionID = nextQuestionID
    self.history = TickHistory(capacity: configuration.historyCapacity)
    self.questions = QuestionBook(answeredCapacity: configuration.answeredQuestionCapacity)
  }

  func nextToken() -> UInt64 {
    self.tokens &+= 1
    return self.tokens
  }

  /// Replaces the play leases.
  func setLeases(_ leases: [Bosdyn_Api_Lease]) {
    var byResource: [String: Bosdyn_Api_Lease] = [:]
    for lease in leases where !lease.resource.isEmpty {
      byResource[lease.resource] = lease
    }
    if byResource != self.leases {
      self.leases = byResource
      self.leaseGeneration += 1
    }
  }

  /// Whether the mission has ended on its own (success, failure, error).
  var isFinished: Bool {
    self.status == .success || self.status == .failure || self.status == .error
  }

  /// A context for work outside a tick (stopping nodes, delivering answers).
  func context(at now: AnyClock<Duration>.Instant) -> TickContext {
    TickContext(
      mission: self,
      tick: self.tickCounter,
      now: now,
      missionTime: self.missionTime,
      expectedRecords: 0
    )
  }

  /// One cycle: tick the tree if the mission is playing, tell nodes that stopped being ticked,
  /// send the Stops that were waiting.
  ///
  /// - Returns: The calls the cycle made.
  func cycle(at now: AnyClock<Duration>.Instant) -> [PendingCall] {
    if self.status == .running, let pauseAt = self.pauseAt, now >= pauseAt {
      self.status = .paused
      self.haltedAt = pauseAt
    }
    let context: TickContext
    if self.status == .running {
      if let last = self.lastPlayingCycle { self.missionTime += last.duration(to: now) }
      self.lastPlayingCycle = now
      self.tickCounter += 1
      context = TickContext(
        mission: self,
        tick: self.tickCounter,
        now: now,
        missionTime: self.missionTime,
        expectedRecords: self.history.newest?.nodes.count ?? 16
      )
      self.tickTree(context)
    } else {
      if let last = self.lastPlayingCycle {
        let end = min(max(self.haltedAt ?? now, last), now)
        self.missionTime += last.duration(to: end)
        self.lastPlayingCycle = nil
      }
      context = self.context(at: now)
      self.haltTickedNodes(context)
    }
    self.flushPendingStops(context)
    return context.calls
  }

  private func tickTree(_ context: TickContext) {
    let result = self.root.tick(context)
    let previous = self.stopCheckPending ? self.history.newest : nil
    self.history.append(
      TickRecord(
        tick: context.tick,
        startedAt: self.robotClock.timestamp(at: context.now),
        nodes: context.records
      )
    )
    self.stopCheckPending = true
    if let previous {
      for record in previous.nodes {
        let node = self.nodes[Int(record.node)]
        if node.lastTick != context.tick { node.stop(context, reason: .notTicked) }
      }
    }
    self.missionTexts = context.missionTexts
    switch result {
    case .running: break
    case .success: self.status = .success
    case .failure: self.status = .failure
    case .error:
      self.status = .error
      self.error = context.missionError ?? "a node reported an error"
    }
    if self.isFinished {
      self.missionTexts = []
      self.questions.removeAllOutstanding()
    }
  }

  /// Tells every node ticked in the newest tick that it stopped (pause, stop, end, restart).
  func haltTickedNodes(_ context: TickContext) {
    guard self.stopCheckPending, let newest = self.history.newest else { return }
    self.stopCheckPending = false
    for record in newest.nodes {
      self.nodes[Int(record.node)].stop(context, reason: .halted)
    }
  }

  private func flushPendingStops(_ context: TickContext) {
    guard !self.pendingStops.isEmpty else { return }
    self.pendingStops.removeAll { $0.sendPendingStop(context) }
  }

  /// Delivers the result of a call to the node that made it.
  ///
  /// - Parameter flushingStops: Whether Stops that were waiting for this call go out now (not
  ///   when the call was refused by a runner that is winding down).
  func deliver(
    _ call: PendingCall,
    _ result: CallResult,
    at now: AnyClock<Duration>.Instant,
    flushingStops: Bool = true
  ) -> [PendingCall] {
    guard let index = call.node, self.nodes.indices.contains(index) else { return [] }
    let context = self.context(at: now)
    self.nodes[index].deliver(call.token, result, context)
    if flushingStops { self.flushPendingStops(context) }
    return context.calls
  }

  /// Starts the mission over: every node forgets its run; history, questions and texts clear.
  func restart(at now: AnyClock<Duration>.Instant) -> [PendingCall] {
    let context = self.context(at: now)
    self.haltTickedNodes(context)
    for node in self.nodes { node.restart() }
    self.tickCounter = -1
    self.history.removeAll()
    self.questions.removeAll()
    self.missionTexts = []
    self.missionTime = .zero
    self.lastPlayingCycle = nil
    self.haltedAt = nil
    self.error = ""
    self.flushPendingStops(context)
    return context.calls
  }

  /// The Stops still owed and a TeardownSession for every session: what the mission sends its
  /// services when it is unloaded or the executor shuts down. Stops go first.
  func farewell(at now: AnyClock<Duration>.Instant) -> (
    stops: [PendingCall], teardowns: [PendingCall]
  ) {
    let context = self.context(at: now)
    self.haltTickedNodes(context)
    var stops = context.calls
    var teardowns: [PendingCall] = []
    for node in self.remoteNodes {
      let calls = node.farewellCalls(context)
      if let stop = calls.stop { stops.append(stop) }
      teardowns += calls.teardowns
    }
    self.pendingStops.removeAll()
    self.questions.removeAllOutstanding()
    self.missionTexts = []
    return (stops, teardowns)
  }
}
