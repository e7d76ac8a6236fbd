extension MissionController {
  /// Drives cycles by hand, for deterministic tests: no loop runs, and nothing happens between
  /// ``ManualCycles/step()`` calls except the answers of calls in flight arriving.
  ///
  /// ```swift
  /// let clock = TestClock()
  /// let controller = MissionController(environment: environment, clock: AnyClock(clock))
  /// _ = await controller.load(mission)
  /// controller.play(pauseAt: nil)
  /// try await controller.withManualCycles { cycles in
  ///   await cycles.step()            // tick 0: the callback's Tick goes out
  ///   await cycles.waitForCalls()    // its answer arrives
  ///   await clock.advance(by: .milliseconds(100))
  ///   await cycles.step()            // tick 1 sees the answer
  /// }
  /// ```
  ///
  /// Calls run in a task group of this method; those still in flight when `body` returns are
  /// cancelled. The controller is not shut down: call ``shutdown()`` to tear sessions down.
  ///
  /// - Parameters:
  ///   - isolation: The caller's isolation, which `body` runs in (so a main-actor test can pass
  ///     a closure that touches its state).
  ///   - body: Steps cycles.
  /// - Throws: ``MissionControllerError/alreadyCycling`` when cycles are already driven, or what
  ///   `body` throws.
  public func withManualCycles<Result: Sendable>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: (ManualCycles) async throws -> Result
  ) async throws -> Result {
    try await self.withCallRunner(isolation: isolation) { runner in
      try await body(ManualCycles(controller: self, runner: runner))
    }
  }

  /// Steps a controller's cycles; see ``MissionController/withManualCycles(isolation:_:)``.
  public struct ManualCycles: Sendable {
    let controller: MissionController
    let runner: CallRunner

    /// Runs one cycle at the clock's current instant and starts the calls it makes.
    public func step() {
      self.runner.submit(self.controller.runCycle())
    }

    /// Returns once no call is in flight: every call started has answered, failed, timed out
    /// on the clock or been cancelled. A service that never answers keeps this waiting until
    /// the clock passes its timeout.
    public func waitForCalls() async {
      await self.runner.waitUntilIdle()
    }

    /// The calls started and not yet finished.
    public var callsInFlight: Int {
      self.runner.inFlight
    }
  }
}
