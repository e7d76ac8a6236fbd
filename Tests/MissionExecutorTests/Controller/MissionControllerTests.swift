import BosdynAPI
import Clocks
import Foundation
import MissionExecutor
import SwiftProtobuf
import Testing

@Suite("The mission controller", .timeLimit(.minutes(1)))
struct MissionControllerTests {
  @Test func beforeAnyLoadTheStateSaysNone() {
    let harness = Harness()
    let state = harness.controller.state()
    #expect(state.status == .none)
    #expect(state.tickCounter == -1)
    #expect(state.missionID == -1)
    #expect(harness.controller.missionInfo == nil)
    #expect(harness.controller.mission.root == nil && harness.controller.mission.id == -1)
    #expect(harness.controller.play(pauseAt: nil) == .noMission)
    #expect(harness.controller.pause() == .noMissionPlaying)
    #expect(harness.controller.stop() == .noMissionPlaying)
    #expect(harness.controller.restart(pauseAt: nil) == .noMission)
  }

  @Test func afterALoadTheMissionIsKnownButNotStarted() async throws {
    let harness = Harness()
    let root = Node.sleep("nap", seconds: 1)
    let loaded = await harness.load(root)
    let state = harness.controller.state()
    #expect(state.status == .none)
    #expect(state.tickCounter == -1)
    #expect(state.missionID == loaded.missionInfo?.id)
    #expect(harness.controller.mission.root == root)
    #expect(harness.controller.mission.id == loaded.missionInfo?.id)
    #expect(harness.controller.missionInfo == loaded.missionInfo)
    // Cycles before play do not tick.
    try await harness.cycles { await $0.cycle(3) }
    #expect(harness.controller.state().tickCounter == -1)
  }

  @Test func compileErrorsAreReportedByLoadAndKeepThePreviousMission() async throws {
    let harness = Harness()
    await harness.load(.succeed("first"))
    let id = harness.controller.mission.id
    let result = await harness.controller.load(.sleep("bad", seconds: -1))
    #expect(result.status == .compileError)
    #expect(result.failedNodes.map(\.name) == ["bad"])
    #expect(result.missionInfo == nil)
    #expect(harness.controller.mission.id == id)
  }

  @Test func playSettingsAreKeptAndReadable() async throws {
    let harness = Harness()
    await harness.load(.sleep("nap", seconds: 1))
    var settings = Bosdyn_Api_Mission_PlaySettings()
    settings.disableAlternateRouteFinding = true
    settings.velocityLimit.maxVel.linear.x = 0.5
    harness.controller.play(pauseAt: nil, settings: settings)
    #expect(harness.controller.playSettings == settings)
  }

  @Test func pauseTimeIsAHeartbeat() async throws {
    let harness = Harness()
    await harness.load(.sleep("nap", seconds: 10))
    // Pause 0.25 s from now unless played again, given as a wall-clock timestamp.
    let pauseTime = Google_Protobuf_Timestamp(date: Harness.pinnedDate.addingTimeInterval(0.25))
    harness.controller.play(pauseTime: pauseTime)
    try await harness.cycles { stepper in
      await stepper.cycle(3)
      #expect(harness.status == .running)
      await stepper.cycle()
      #expect(harness.status == .paused)
      #expect(harness.controller.state().tickCounter == 2)
      await stepper.cycle(3)
      #expect(harness.controller.state().tickCounter == 2)
      // Playing again resumes.
      harness.controller.play(pauseAt: harness.controller.clock.now.advanced(by: .seconds(1)))
      await stepper.cycle()
      #expect(harness.status == .running)
      #expect(harness.controller.state().tickCounter == 3)
    }
  }

  @Test func pauseAndStopAnswerAsMissionProtoSays() async throws {
    let harness = Harness()
    await harness.load(.sleep("nap", seconds: 10))
    #expect(harness.controller.pause() == .noMissionPlaying)
    harness.controller.play(pauseAt: nil)
    try await harness.cycles { stepper in
      await stepper.cycle()
      #expect(harness.controller.pause() == .ok)
      #expect(harness.controller.pause() == .ok)
      #expect(harness.status == .paused)
      #expect(harness.controller.stop() == .ok)
      #expect(harness.status == .stopped)
      #expect(harness.controller.stop() == .ok)
      // A stopped mission does not resume on play.
      #expect(harness.controller.play(pauseAt: nil) == .ok)
      await stepper.cycle(2)
      #expect(harness.status == .stopped)
      #expect(harness.controller.state().tickCounter == 0)
      // Restart runs it from the start with new leases and settings.
      var settings = Bosdyn_Api_Mission_PlaySettings()
      settings.disableDirectedExploration = true
      #expect(
        harness.controller.restart(pauseAt: nil, leases: [.body()], settings: settings) == .ok
      )
      #expect(harness.controller.playSettings == settings)
      #expect(harness.controller.state().tickCounter == -1)
      await stepper.cycle(2)
      #expect(harness.status == .running)
      #expect(harness.controller.state().tickCounter == 1)
    }
  }

  @Test func aFinishedMissionIsNotReplayedByPlayOnlyByRestart() async throws {
    let harness = Harness()
    try await harness.run(.succeed("done")) { stepper in
      await stepper.cycle()
      #expect(harness.status == .success)
      #expect(harness.controller.play(pauseAt: nil) == .ok)
      #expect(harness.controller.pause() == .ok)
      #expect(harness.controller.stop() == .ok)
      await stepper.cycle(2)
      #expect(harness.status == .success)
      #expect(harness.controller.state().tickCounter == 0)
      harness.controller.restart(pauseAt: nil)
      await stepper.cycle()
      #expect(harness.status == .success)
      #expect(harness.controller.state().tickCounter == 0)
    }
  }

  @Test func historyIsNewestFirstBoundedAndQueriedByTicks() async throws {
    let harness = Harness(configuration: .init(historyCapacity: 5))
    try await harness.run(.sleep("nap", seconds: 10)) { await $0.cycle(8) }
    let controller = harness.controller
    #expect(controller.state().history.map(\.tickCounter) == [7])
    #expect(
      controller.state(.init(lowerBound: .pastTicks(2))).history.map(\.tickCounter) == [7, 6, 5]
    )
    #expect(
      controller.state(.init(upperTick: 5, lowerBound: .tick(0))).history.map(\.tickCounter)
        == [5, 4, 3]
    )
    #expect(controller.state(.init(upperTick: 1)).history.isEmpty)

    var request = Bosdyn_Api_Mission_GetStateRequest()
    request.historyUpperTickBound.value = 6
    request.historyPastTicks = 1
    #expect(controller.state(for: request).history.map(\.tickCounter) == [6, 5])

    let tick = try #require(controller.state().history.first)
    #expect(tick.nodeStates.map(\.id) == [1])
    #expect(tick.nodeStates.first?.result == .running)
    #expect(
      tick.tickStartTimestamp
        == Google_Protobuf_Timestamp(date: Harness.pinnedDate.addingTimeInterval(0.7))
    )
  }

  @Test func anotherDriverOfCyclesIsRefused() async throws {
    let harness = Harness()
    try await harness.cycles { _ in
      await #expect(throws: MissionControllerError.alreadyCycling) {
        try await harness.controller.withManualCycles { _ in }
      }
    }
  }

  @Test func runTicksAtItsRateOnTheInjectedClockAndStopsOnGracefulShutdown() async throws {
    let harness = Harness(configuration: .init(tickRate: 4))
    await harness.load(.sleep("nap", seconds: 100))
    harness.controller.play(pauseAt: nil)
    let start = harness.controller.clock.now
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await harness.controller.run() }
      // The first cycle runs at once, then one every 250 ms of the test clock: nudge the clock
      // forward until tick 3 appears.
      while harness.controller.state().tickCounter < 0 { await Task.yield() }
      while harness.controller.state().tickCounter < 3 {
        await harness.clock.advance(by: .milliseconds(1))
      }
      let elapsed = start.duration(to: harness.controller.clock.now)
      #expect(elapsed >= .milliseconds(750) && elapsed < .milliseconds(800), "\(elapsed)")
      harness.controller.beginGracefulShutdown()
      try await group.waitForAll()
    }
    #expect(await harness.controller.load(.succeed("x")).status == .validateError)
  }

  @Test func runStopsPromptlyWhenCancelled() async throws {
    let harness = Harness()
    await harness.load(.sleep("nap", seconds: 100))
    harness.controller.play(pauseAt: nil)
    let task = Task { try await harness.controller.run() }
    while harness.controller.state().tickCounter < 0 { await Task.yield() }
    task.cancel()
    try await task.value
  }
}
