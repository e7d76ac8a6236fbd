import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import Testing
import TestSupport

/// Callbacks that misbehave while a mission in the simulated robot calls them (the recording
/// Python servicer, made to hang, killed, or killed and restarted): the node fails or recovers
/// as the executor promises, and the robot keeps serving.
@Suite("Missions: callbacks that hang, crash or restart mid-mission")
struct MisbehavingCallbackTests {
  @Test func aCallbackThatNeverAnswersFailsItsNodeAfterItsTimeout() async throws {
    try await TestRobot.withMissions { robot, driver in
      let callback = try await PythonCallback.start(
        robotArguments: robot.pythonArguments,
        name: "python-hang",
        hang: true
      )
      defer { callback.process.closeStdin() }
      try await driver.missions.load(
        MissionTrees.callback("Hang", service: "python-hang", timeout: 2)
      )
      let played = ContinuousClock.now
      try await driver.play()
      try await callback.waitForCalls("a tick that hangs") {
        $0.contains { $0.status == "HANGING" }
      }
      // The robot answers while its mission waits on the callback, well within the node's
      // timeout (a robot blocked by the callback would answer only after it).
      let asked = ContinuousClock.now
      #expect(try await driver.missions.state().status == .running)
      #expect(ContinuousClock.now - asked < .seconds(1))

      let finished = try await driver.waitUntilFinished()
      let elapsed = ContinuousClock.now - played
      #expect(finished.status == .failure, "\(finished)")
      #expect(elapsed >= .seconds(2) && elapsed < .seconds(6), "failed after \(elapsed)")
      let errors = finished.history.flatMap(\.nodeStates).map(\.error)
      #expect(
        errors.contains { $0.contains("no good answer") && $0.contains("within 2") },
        "\(errors)"
      )
      try await driver.expectServingNormally()
      try await callback.stop()
    }
  }

  @Test func aCallbackKilledMidMissionFailsItsNodeAfterRetriesWithinItsTimeout() async throws {
    try await TestRobot.withMissions { robot, driver in
      let callback = try await PythonCallback.start(
        robotArguments: robot.pythonArguments,
        name: "python-crash",
        runningTicks: -1
      )
      try await driver.missions.load(
        MissionTrees.callback("Crash", service: "python-crash", timeout: 2)
      )
      try await driver.play()
      try await callback.waitForCalls("ticks") { $0.named("Tick").count >= 3 }
      try await callback.kill()
      let killed = ContinuousClock.now

      let finished = try await driver.waitUntilFinished()
      let elapsed = ContinuousClock.now - killed
      #expect(finished.status == .failure, "\(finished)")
      #expect(elapsed < .seconds(5), "failed \(elapsed) after the kill")
      let errors = finished.history.flatMap(\.nodeStates).map(\.error)
      // The Ticks sent after the crash failed, were retried, and the last failure is named.
      #expect(errors.contains { $0.contains("within 2") && $0.contains("last error") }, "\(errors)")
      try await driver.expectServingNormally()
    }
  }

  @Test func aCallbackRestartedMidMissionGetsANewSessionAndTheMissionSucceeds() async throws {
    try await TestRobot.withMissions { robot, driver in
      let first = try await PythonCallback.start(
        robotArguments: robot.pythonArguments,
        name: "python-restart",
        runningTicks: -1
      )
      try await driver.missions.load(
        MissionTrees.callback("Restart", service: "python-restart", timeout: 10)
      )
      let oldSession = try #require(first.calls.first?.newSessionID)
      try await driver.play()
      try await first.waitForCalls("ticks") { $0.named("Tick").count >= 2 }
      try await first.kill()

      // The same service comes back on the same port; its directory entry is still there.
      let second = try await PythonCallback.start(
        robotArguments: robot.pythonArguments,
        name: "python-restart",
        runningTicks: 3,
        listenPort: first.port,
        register: false
      )
      defer { second.process.closeStdin() }
      let finished = try await driver.waitUntilFinished(timeout: .seconds(20))
      #expect(finished.status == .success, "\(finished)")
      let calls = try await second.waitForCalls("the Stop after success") {
        !$0.named("Stop").isEmpty
      }
      #expect(
        calls.rpcs == ["Tick", "EstablishSession", "Tick", "Tick", "Tick", "Tick", "Stop"],
        "\(calls.rpcs)"
      )
      #expect(calls.first?.sessionID == oldSession)
      #expect(calls.first?.status == "STATUS_INVALID_SESSION_ID")
      let newSession = try #require(calls.named("EstablishSession").first?.newSessionID)
      #expect(calls.dropFirst(2).allSatisfy { $0.sessionID == newSession })
      #expect(calls.allSatisfy { $0.leases.isEmpty }, "the node asks for no lease resources")
      try await driver.expectServingNormally()
      try await second.stop()
    }
  }
}
