import BosdynCore
public import BosdynAPI
public import Clocks
import Foundation

/// Runs a mission against servicers in-process, for a callback author's tests: load, play,
/// cycle until the mission finishes, then Stop and tear down, and report what happened.
///
/// ```swift
/// @Test func greetsFromAMission() async throws {
///   try await withRemoteMissionTestServer(servicer: try HelloWorldServicer()) { client, _ in
///     var call = Bosdyn_Api_Mission_RemoteGrpc()
///     call.serviceName = "hello-world-callback"
///     var root = Bosdyn_Api_Mission_Node()
///     root.remoteGrpc = call
///     let run = try await MissionRun(root: root, services: ["hello-world-callback": client])
///     let outcome = try await run.untilFinished(maxCycles: 100)
///     #expect(outcome.status == .success)
///   }
/// }
/// ```
///
/// Cycles do not wait on the wall clock: the run drives a `TestClock`, advancing it by one
/// tick period per cycle, so a mission that sleeps 30 s runs in milliseconds and timeouts count
/// in mission cycles. After each cycle the run waits for every call in flight to answer, so a
/// slow answer is never outrun by the clock; a call still unanswered after ``answerWait`` of
/// real time is taken for a service that hangs, is not waited for again, and times out after
/// its `timeout` in cycles.
public final class MissionRun: Sendable {
  /// The controller running the mission, for anything the run does not wrap (answering
  /// questions, reading state, pausing).
  public let controller: MissionController
  /// The clock the run advances.
  public let clock: TestClock<Duration>
  /// What the load answered.
  public let loadResult: MissionController.LoadResult
  /// How long a cycle waits, in real time, for calls that do not answer before it takes them
  /// for hanging: generous, since a service that answers is always waited for.
  public let answerWait: Duration

  /// A load that did not succeed.
  public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// `STATUS_COMPILE_ERROR` or `STATUS_VALIDATE_ERROR`.
    public var status: Bosdyn_Api_Mission_LoadMissionResponse.Status
    /// The nodes that failed.
    public var failedNodes: [Bosdyn_Api_Mission_FailedNode]

    /// The status and every failed node.
    public var description: String {
      "LoadMission failed with \(self.status): "
        + MissionCompileError(failedNodes: self.failedNodes).description
    }
  }

  /// Loads `root` with remote mission services by directory name (and optionally a scripted
  /// robot state), ready to run.
  ///
  /// - Parameters:
  ///   - root: The mission.
  ///   - services: Remote mission services by directory name, such as the client
  ///     `withRemoteMissionTestServer` hands out.
  ///   - robotState: What BosdynRobotState nodes read; `nil` makes them fail as unavailable.
  ///   - leases: Leases for load and play (RemoteGrpc `lease_resources` need them).
  ///   - configuration: The controller's configuration.
  ///   - answerWait: How long to wait for an answer before taking its service for hanging.
  /// - Throws: ``LoadError`` when the load fails.
  public convenience init(
    root: Bosdyn_Api_Mission_Node,
    services: [String: any RemoteMissionConnection],
    robotState: (@Sendable () async throws -> Bosdyn_Api_RobotState)? = nil,
    leases: [Bosdyn_Api_Lease] = [],
    configuration: MissionController.Configuration = .defaults,
    answerWait: Duration = .seconds(2)
  ) async throws {
    try await self.init(
      root: root,
      environment: RemoteServicesEnvironment(services: services, robotState: robotState),
      leases: leases,
      configuration: configuration,
      answerWait: answerWait
    )
  }

  /// Loads `root` in any environment, ready to run.
  public init(
    root: Bosdyn_Api_Mission_Node,
    environment: any MissionEnvironment,
    leases: [Bosdyn_Api_Lease] = [],
    configuration: MissionController.Configuration = .defaults,
    answerWait: Duration = .seconds(2)
  ) async throws {
    let clock = TestClock<Duration>()
    self.clock = clock
    self.leases = leases
    self.answerWait = answerWait
    self.controller = MissionController(
      environment: environment,
      configuration: configuration,
      clock: RobotClock(clock, wallTimeAtStart: Date(timeIntervalSince1970: 1_700_000_000))
    )
    self.loadResult = await self.controller.load(root, leases: leases)
    guard self.loadResult.status == .ok else {
      throw LoadError(status: self.loadResult.status, failedNodes: self.loadResult.failedNodes)
    }
  }

  private let leases: [Bosdyn_Api_Lease]

  /// Plays the mission and cycles until it finishes or `maxCycles` cycles have run, then sends
  /// the final Stops, shuts the controller down (TeardownSession for every session) and reports.
  ///
  /// - Parameter maxCycles: The most cycles to run; at 10 Hz, 100 cycles are 10 s of mission
  ///   time.
  /// - Returns: The outcome; its status is `STATUS_RUNNING` when the limit came first.
  public func untilFinished(maxCycles: Int = 1000) async throws -> MissionOutcome {
    let controller = self.controller
    let clock = self.clock
    let period = controller.configuration.tickPeriod
    let wait = self.answerWait
    controller.play(pauseAt: nil, leases: self.leases)
    let (ticks, cycles) = try await controller.withManualCycles { manual in
      var ticks: [Bosdyn_Api_Mission_State.NodeStatesAtTick] = []
      var cycles = 0
      var lastTick: Int64 = -1
      var hanging: Set<UInt64> = []
      while cycles < maxCycles {
        cycles += 1
        hanging = await manual.stepAndWait(upTo: wait, hanging: hanging)
        let state = controller.state()
        if state.tickCounter != lastTick, let newest = state.history.first {
          ticks.append(newest)
          lastTick = state.tickCounter
        }
        if state.status != .running { break }
        await clock.advance(by: period)
      }
      _ = await manual.stepAndWait(upTo: wait, hanging: hanging)
      return (ticks, cycles)
    }
    let finalState = controller.state()
    await controller.shutdown()
    return MissionOutcome(
      status: finalState.status,
      error: finalState.error,
      cycles: cycles,
      ticks: ticks,
      missionInfo: controller.missionInfo ?? .init(),
      finalState: finalState
    )
  }
}

extension MissionController.ManualCycles {
  /// Steps once, then waits until only calls already taken for hanging are in flight; if that
  /// takes longer than `limit` of real time, the calls still in flight are taken for hanging.
  /// Calls are told apart by id, and one its node gave up on is waited for even when it was
  /// taken for hanging (it ends at once): a hanging Tick that ends must not let the run move on
  /// before the Stop its node sends then has answered.
  ///
  /// - Parameters:
  ///   - limit: How long to wait for answers before taking their calls for hanging.
  ///   - hanging: The calls taken for hanging before this cycle.
  /// - Returns: The calls taken for hanging now.
  func stepAndWait(upTo limit: Duration, hanging: Set<UInt64>) async -> Set<UInt64> {
    self.runner.submit(self.controller.runCycle())
    let answered = await withTaskGroup(of: Bool.self) { group in
      group.addTask {
        await self.runner.waitUntil(onlyInFlight: hanging)
        return true
      }
      group.addTask {
        try? await ContinuousClock().sleep(for: limit)
        return false
      }
      let first = await group.next() ?? false
      group.cancelAll()
      return first
    }
    // A hanging call that finished (timed out, cancelled) no longer counts.
    let inFlight = self.runner.callsInFlight
    return answered ? hanging.intersection(inFlight) : inFlight
  }
}
