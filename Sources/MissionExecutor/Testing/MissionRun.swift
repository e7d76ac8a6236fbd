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
/// in mission cycles. After each cycle the run waits for the calls that cycle made to answer
/// (at most ``answerWait`` of real time, so a service that hangs costs that once, and then
/// times out after its `timeout` in cycles).
public final class MissionRun: Sendable {
  /// The controller running the mission, for anything the run does not wrap (answering
  /// questions, reading state, pausing).
  public let controller: MissionController
  /// The clock the run advances.
  public let clock: TestClock<Duration>
  /// What the load answered.
  public let loadResult: MissionController.LoadResult
  /// The longest real time a cycle waits for the answers to its calls.
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
  ///   - answerWait: The longest real time a cycle waits for its calls' answers.
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
      while cycles < maxCycles {
        cycles += 1
        await manual.stepAndWait(upTo: wait)
        let state = controller.state()
        if state.tickCounter != lastTick, let newest = state.history.first {
          ticks.append(newest)
          lastTick = state.tickCounter
        }
        if state.status != .running { break }
        await clock.advance(by: period)
      }
      await manual.stepAndWait(upTo: wait)
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
  /// Steps once and waits for that cycle's calls, at most `limit` of real time.
  func stepAndWait(upTo limit: Duration) async {
    let batch = self.runner.submit(self.controller.runCycle())
    await withTaskGroup(of: Void.self) { group in
      group.addTask { await batch.wait() }
      group.addTask { try? await ContinuousClock().sleep(for: limit) }
      await group.next()
      group.cancelAll()
    }
  }
}
