import BosdynCore
import BosdynAPI
import Clocks
import Foundation
import MissionExecutor
import Testing

/// A controller on a test clock with its wall time pinned, and helpers to step it.
struct Harness: Sendable {
  /// 2023-11-14T22:13:20Z.
  static let pinnedDate = Date(timeIntervalSince1970: 1_700_000_000)

  let clock = TestClock<Duration>()
  let controller: MissionController

  init(
    environment: any MissionEnvironment = RemoteServicesEnvironment(),
    configuration: MissionController.Configuration = .defaults
  ) {
    self.controller = MissionController(
      environment: environment,
      configuration: configuration,
      clock: RobotClock(self.clock, wallTimeAtStart: Self.pinnedDate)
    )
  }

  var period: Duration { self.controller.configuration.tickPeriod }

  /// Loads `root` and expects it to load.
  @discardableResult
  func load(
    _ root: Node,
    leases: [Bosdyn_Api_Lease] = [],
    sourceLocation: SourceLocation = #_sourceLocation
  ) async -> MissionController.LoadResult {
    let result = await self.controller.load(root, leases: leases)
    #expect(result.status == .ok, "\(result.failedNodes)", sourceLocation: sourceLocation)
    return result
  }

  /// Loads and plays `root`, then runs `body` with manual cycles.
  @discardableResult
  func run<Result: Sendable>(
    _ root: Node,
    leases: [Bosdyn_Api_Lease] = [],
    _ body: (Stepper) async throws -> Result
  ) async throws -> Result {
    await self.load(root, leases: leases)
    self.controller.play(pauseAt: nil, leases: leases)
    return try await self.cycles(body)
  }

  /// Runs `body` with manual cycles.
  @discardableResult
  func cycles<Result: Sendable>(_ body: (Stepper) async throws -> Result) async throws -> Result {
    try await self.controller.withManualCycles { manual in
      try await body(Stepper(harness: self, manual: manual))
    }
  }

  /// The results of the newest tick by node name.
  func results() -> [String: Bosdyn_Api_Mission_Result] {
    self.results(in: self.controller.state().history.first)
  }

  func results(in tick: Bosdyn_Api_Mission_State.NodeStatesAtTick?)
    -> [String: Bosdyn_Api_Mission_Result]
  {
    var results: [String: Bosdyn_Api_Mission_Result] = [:]
    for state in tick?.nodeStates ?? [] {
      results[self.name(of: state.id)] = state.result
    }
    return results
  }

  /// The node states of the newest tick by node name.
  func nodeStates() -> [String: Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState] {
    var states: [String: Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState] = [:]
    for state in self.controller.state().history.first?.nodeStates ?? [] {
      states[self.name(of: state.id)] = state
    }
    return states
  }

  /// The names of the nodes ticked in the newest tick, in order.
  func tickedNames() -> [String] {
    (self.controller.state().history.first?.nodeStates ?? []).map { self.name(of: $0.id) }
  }

  func name(of id: Int64) -> String {
    func find(_ info: Bosdyn_Api_Mission_NodeInfo) -> String? {
      if info.id == id { return info.name }
      for child in info.children {
        if let name = find(child) { return name }
      }
      return nil
    }
    return self.controller.missionInfo.flatMap { find($0.root) } ?? "#\(id)"
  }

  var status: Bosdyn_Api_Mission_State.Status { self.controller.state().status }
}

/// Steps cycles: each cycle runs, its calls are waited for, then the clock advances one period.
struct Stepper: Sendable {
  let harness: Harness
  let manual: MissionController.ManualCycles

  func cycle(_ count: Int = 1) async {
    for _ in 0..<count {
      self.manual.step()
      await self.manual.waitForCalls()
      await self.harness.clock.advance(by: self.harness.period)
    }
  }

  /// Cycles until the mission is no longer running, at most `limit` times.
  func untilFinished(limit: Int = 200) async {
    for _ in 0..<limit {
      await self.cycle()
      if self.harness.status != .running { return }
    }
  }
}

/// The text of a KeyValue's constant, for asserting on node-state variables.
extension Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState {
  func variable(_ name: String) -> Bosdyn_Api_Mission_ConstantValue? {
    self.blackboard.variables.first { $0.key == name }?.value.constant
  }
}
