import BosdynAPI
import Foundation
import SpotSimulator
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Ctrl+C and `kill` in each state of `replay-mission`, and `bosdyn ROBOT mission pause|stop`
/// from a second terminal: the program ends promptly, stops the mission and returns the lease.
///
/// "Promptly" is checked by the status: a program that did not react would end later, by a
/// timeout, with status 1, not with the signal's 128 + N.
@Suite("replay-mission interrupted and steered")
struct ReplayMissionSignalTests {
  @Test func sigintWhileLoggingInExitsAtOnce() async throws {
    try await TestRobot.with { robot in
      let silent = try SilentListener()
      let replay = try ChildProcess(
        try TestEnvironment.executable("replay-mission"),
        [
          "--robot-ca", robot.caPath, "--username", "user", "--password", "password",
          "127.0.0.1:\(silent.port)", "simple", try MissionFiles.failing(),
        ]
      )
      try await replay.waitForOutput("Logging in to", inStderr: true)
      replay.signal(SIGINT)
      #expect(try await replay.waitForExit(timeout: .seconds(8)) == 130, "\(replay.stderr)")
      #expect(replay.stderr.hasSuffix("Interrupted by SIGINT.\n"), "\(replay.stderr)")
      withExtendedLifetime(silent) {}
    }
  }

  @Test func sigtermWhileWaitingForPowerReturnsTheLease() async throws {
    try await TestRobot.with(configure: { $0.powerTransition = .seconds(600) }) { robot in
      let replay = try robot.startReplay(try MissionFiles.failing())
      try await replay.waitForOutput("Powering on the motors", inStderr: true)
      #expect(!robot.bodyLeaseIsFree, "the replay holds the lease while powering on")
      replay.signal(SIGTERM)
      #expect(try await replay.waitForExit(timeout: .seconds(8)) == 143, "\(replay.stderr)")
      #expect(replay.stderr.contains("Returned the body lease."), "\(replay.stderr)")
      #expect(robot.bodyLeaseIsFree)
      #expect(robot.missionStatus == .none, "nothing was loaded")
    }
  }

  @Test func sigintWhilePlayingStopsTheMissionAndReturnsTheLease() async throws {
    try await TestRobot.with { robot in
      let replay = try robot.startReplay(try MissionFiles.waitAnHour())
      try await replay.waitForOutput("Running: Wait")
      replay.signal(SIGINT)
      #expect(try await replay.waitForExit(timeout: .seconds(8)) == 130, "\(replay.stderr)")
      #expect(replay.stderr.contains("Stopped the mission."), "\(replay.stderr)")
      #expect(robot.missionStatus == .stopped)
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func pausingFromAnotherTerminalEndsTheReplayWithPaused() async throws {
    try await TestRobot.with { robot in
      let replay = try robot.startReplay(try MissionFiles.waitAnHour())
      try await replay.waitForOutput("Running: Wait")
      // The replay plays again every second; a pause that lands between its state read and
      // its next play is undone by that play, so pause until the replay sees one.
      try await waitUntil("the replay to see the mission paused", pollEvery: .milliseconds(1500)) {
        guard replay.process.isRunning else { return true }
        let paused = try await robot.bosdyn(["mission", "pause"])
        #expect(paused.status == 0, "\(paused.stderr)")
        #expect(paused.stdout == "Paused the mission.\n")
        return false
      }
      #expect(try await replay.waitForExit() == 0, "\(replay.stderr)")
      #expect(replay.stdout.hasSuffix("Mission status = STATUS_PAUSED\n"), "\(replay.stdout)")
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func stoppingFromAnotherTerminalEndsTheReplayWithStopped() async throws {
    try await TestRobot.with { robot in
      let replay = try robot.startReplay(try MissionFiles.waitAnHour())
      try await replay.waitForOutput("Running: Wait")
      let stopped = try await robot.bosdyn(["mission", "stop"])
      #expect(stopped.status == 0, "\(stopped.stderr)")
      #expect(stopped.stdout == "Stopped the mission.\n")
      #expect(try await replay.waitForExit() == 1, "\(replay.stderr)")
      #expect(replay.stdout.hasSuffix("Mission status = STATUS_STOPPED\n"), "\(replay.stdout)")
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func takeLeaseTakesTheBodyLeaseForTheCallAndGivesItBack() async throws {
    try await TestRobot.with { robot in
      let replay = try robot.startReplay(try MissionFiles.waitAnHour())
      try await replay.waitForOutput("Running: Wait")
      let stopped = try await robot.bosdyn(["mission", "stop"], options: ["--take-lease"])
      #expect(stopped.status == 0, "\(stopped.stderr)")
      // The replay lost its lease and its mission: it fails, whichever it noticed first.
      #expect(try await replay.waitForExit() == 1, "\(replay.stderr)")
      #expect(robot.missionStatus == .stopped)
      try await waitUntil("the body lease to be free") { robot.bodyLeaseIsFree }

      let misuse = try await robot.bosdyn(["mission", "state"], options: ["--take-lease"])
      #expect(misuse.status == 64)
      #expect(misuse.stderr.contains("--take-lease goes with mission pause or mission stop"))
    }
  }

  @Test func withoutAMissionStateSaysSoAndPauseAndStopRefuse() async throws {
    try await TestRobot.with { robot in
      let state = try await robot.bosdyn(["mission", "state"])
      #expect(state.status == 0, "\(state.stderr)")
      #expect(
        state.stdout
          == """
          Mission status: STATUS_NONE
          Tick counter:   -1 (not started)
          Mission id:     -1 (none loaded)
          Running nodes:  none
          Questions:      none

          """
      )
      let proto = try await robot.bosdyn(["mission", "state"], options: ["--proto"])
      #expect(proto.stdout.contains("status: STATUS_NONE"), "\(proto.stdout)")

      for verb in ["pause", "stop"] {
        let nothing = try await robot.bosdyn(["mission", verb])
        #expect(nothing.status == 1)
        #expect(
          nothing.stderr == "Nothing to \(verb): no mission is playing (noMissionPlaying).\n",
          "\(nothing.stderr)"
        )
      }
    }
  }
}
