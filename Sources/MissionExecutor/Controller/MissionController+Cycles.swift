import Clocks
import Synchronization

extension MissionController {
  /// Runs one cycle at the clock's current instant and returns the calls to start: those queued
  /// since the last cycle (a restart's Stops) and those the cycle made.
  func runCycle() -> [PendingCall] {
    let now = self.clock.now
    return self.storage.withLock { storage in
      var calls = storage.queuedCalls
      storage.queuedCalls.removeAll()
      if !storage.isShutDown, let mission = storage.mission {
        calls += mission.cycle(at: now)
      }
      return calls
    }
  }

  /// Runs a call in the runner's group and hands its result to the node that made it; calls the
  /// node makes in answer (a Stop that was waiting for the Tick) start right away.
  func execute(_ call: PendingCall, on runner: CallRunner) async {
    let result = await call.perform(on: self.clock)
    let now = self.clock.now
    let followUps = self.storage.withLock { storage -> [PendingCall] in
      guard let mission = storage.mission, mission.id == call.missionID else { return [] }
      return mission.deliver(call, result, at: now)
    }
    // Calls the runner refuses (it is winding down) end as cancelled, so their nodes know they
    // were never sent (a Stop stays owed, for the next cycles or the farewell).
    let dropped = runner.submitFollowUps(followUps)
    guard !dropped.isEmpty else { return }
    self.storage.withLock { storage in
      for call in dropped {
        guard let mission = storage.mission, mission.id == call.missionID else { continue }
        _ = mission.deliver(call, .cancelled, at: now, flushingStops: false)
      }
    }
  }

  /// Runs `body` with a call runner owned by a task group of this scope: calls still in flight
  /// when `body` returns are cancelled, and delivered as such.
  func withCallRunner<Result: Sendable>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: (CallRunner) async throws -> Result
  ) async throws -> Result {
    let claimed = self.storage.withLock { storage -> Bool in
      guard !storage.runnerActive else { return false }
      storage.runnerActive = true
      return true
    }
    guard claimed else { throw MissionControllerError.alreadyCycling }
    defer { self.storage.withLock { $0.runnerActive = false } }
    let runner = CallRunner()
    return try await withThrowingTaskGroup(of: Void.self, isolation: isolation) { group in
      group.addTask {
        await runner.run { call in await self.execute(call, on: runner) }
      }
      // Not `group.cancelAll()`: in a cancelled task a call fails or is cancelled by chance,
      // sent or not; finishing cancels each call, so its node knows it was not answered.
      defer { runner.finish() }
      return try await body(runner)
    }
  }
}

/// Why the controller refused to drive cycles.
public enum MissionControllerError: Error, Sendable, Hashable {
  /// ``MissionController/run()`` or ``MissionController/withManualCycles(isolation:_:)`` is already
  /// driving this controller's cycles; only one may at a time.
  case alreadyCycling
}
