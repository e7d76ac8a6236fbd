import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import Foundation
import HTTPTypes
import HummingbirdTesting
import SpotSimulator
import TestSupport
import Testing

@testable import SpotConsole

/// A callback that answers RUNNING until the robot's clock reaches `until`, then SUCCESS: a run
/// that outlasts the robot's lease timeout.
struct SlowCallback: RemoteMissionServicer {
  let clock: RobotClock
  let until: RobotClock.Instant

  func tick(_ request: TickRequest) async throws -> TickResponse {
    var response = TickResponse()
    response.status = self.clock.now < self.until ? .running : .success
    return response
  }
}

@Suite("A run that gives its callback the body lease")
struct RunLeaseTests {
  @Test func theLeaseIsRetainedForAsLongAsTheRunLastsAndReturnedAfter() async throws {
    let time = ManualTime()
    try await ConsoleRig.with(time: time, configure: { $0.runTimeout = .seconds(30) }) { rig in
      // RUNNING for 5 s of robot time: longer than the 3 s after which the robot drops a
      // lease nobody retains.
      let callback = SlowCallback(clock: time.clock, until: time.clock.now + .seconds(5))
      try await rig.withCallback(callback, named: "slow-callback") { browser in
        let run = try await Self.startRunWithTheLease(rig, browser)
        // A tick answered RUNNING just before 5 s still gets its next tick.
        let outcome = try await Self.outcome(of: run, time: time)
        #expect(outcome.result == "SUCCESS", "\(run.recordedEvents)")
        let events = run.recordedEvents.map { "\($0.call) \($0.status)" }
        #expect(events.first == "Take body lease STATUS_OK", "\(events)")
        // SUCCESS came only once 5 s of robot time had passed, with RUNNING before.
        #expect(events.contains("Tick 1 STATUS_RUNNING"), "\(events)")
        #expect(events.last == "Return body lease STATUS_OK", "held to the end: \(events)")
        #expect(rig.bodyLeaseHolder.isEmpty, "returned")
      }
    }
  }

  @Test func oneRunAtATimeHoldsTheLeaseAndARunWhoseLeaseWasTakenStops() async throws {
    let time = ManualTime()
    try await ConsoleRig.with(time: time, configure: { $0.runTimeout = .seconds(60) }) { rig in
      // RUNNING for a minute of robot time: only the lease decides how the run ends.
      let callback = SlowCallback(clock: time.clock, until: time.clock.now + .seconds(60))
      try await rig.withCallback(callback, named: "slow-callback") { browser in
        let first = try await Self.startRunWithTheLease(rig, browser)
        _ = try await eventually("the first run's ticks") {
          first.recordedEvents.contains { $0.call.hasPrefix("Tick") } ? true : nil
        }
        let second = try await Self.startRunWithTheLease(rig, browser)
        let refused = try await eventually("the second run's outcome") { second.outcome }
        #expect(refused.result == "ERROR")
        #expect(
          second.recordedEvents.map { "\($0.call) \($0.status)" } == ["Take body lease BUSY"],
          "\(second.recordedEvents)"
        )

        // Another client takes the lease: the first run stops at its next retain.
        var owner = Bosdyn_Api_LeaseOwner()
        owner.clientName = "tablet"
        #expect(rig.robot.robot.leases.take(resource: "body", owner: owner).status == .ok)
        let stopped = try await Self.outcome(of: first, time: time)
        #expect(stopped.result == "CANCELLED", "\(first.recordedEvents)")
        #expect(
          first.recordedEvents.contains {
            $0.call == "Retain body lease" && $0.status != "STATUS_OK"
          },
          "\(first.recordedEvents)"
        )
      }
    }
  }

  /// Starts a run of `slow-callback` with "Give the callback the body lease" ticked, as the
  /// page's script does (JSON answer), and returns it.
  private static func startRunWithTheLease(
    _ rig: ConsoleRig,
    _ browser: ConsoleRig.Browser
  ) async throws -> CallbackRun {
    let started = try await rig.post(
      "/callbacks/slow-callback/run",
      [(CallbacksSection.bodyLeaseField, "on"), (CallbacksSection.responseFormatField, "json")],
      as: browser
    )
    #expect(started.status == .accepted, "\(started.text)")
    let answer = try JSONSerialization.jsonObject(with: Data(started.text.utf8))
    let id = try #require((answer as? [String: Any])?["run"] as? String)
    return try #require(rig.console.runs.run(id: id))
  }

  /// Moves robot time in the run's 100 ms steps until `run` ends (at most a minute of robot
  /// time), and returns how it ended.
  private static func outcome(of run: CallbackRun, time: ManualTime) async throws -> RunOutcome {
    for _ in 0..<600 where run.outcome == nil {
      try await time.advance(
        by: .milliseconds(100),
        inStepsOf: .milliseconds(100),
        waitingFor: "the run"
      )
    }
    return try await eventually("the run's outcome") { run.outcome }
  }
}
