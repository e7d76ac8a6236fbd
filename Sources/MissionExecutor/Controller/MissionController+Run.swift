import BosdynCore
import Clocks
public import ServiceLifecycle
import Synchronization

extension MissionController: Service {
  /// The tick loop: cycles at ``Configuration/tickRate`` on the controller's clock until the
  /// task is cancelled, ``beginGracefulShutdown()`` is called, or the surrounding `ServiceGroup`
  /// shuts down gracefully; then shuts the controller down (see ``shutdown()``).
  ///
  /// Calls to services run as child tasks of this method, in one task group, so none outlives
  /// it. A slow cycle does not make the next ones bunch up: missed cycles are skipped.
  ///
  /// On a graceful shutdown the callbacks get their Stop and TeardownSession. When the task is
  /// cancelled instead, those calls are still attempted, but in a cancelled task gRPC fails them
  /// at once: prefer graceful shutdown.
  ///
  /// - Throws: ``MissionControllerError/alreadyCycling`` when cycles are already driven.
  public func run() async throws {
    try await withCallRunner { runner in
      await withGracefulShutdownHandler {
        await self.tickLoop(runner)
      } onGracefulShutdown: {
        self.beginGracefulShutdown()
      }
    }
    await self.shutdown()
  }

  /// Ends ``run()`` soon (within a cycle); safe to call more than once.
  public func beginGracefulShutdown() {
    self.shutdownSignal.fire()
  }

  /// Shuts the controller down: no more cycles tick, the loaded mission's callbacks get their
  /// Stop (if they were running) and every session its TeardownSession, each within
  /// ``Configuration/farewellTimeout``. Loads are refused afterwards; the state stays readable.
  /// ``run()`` does this on its way out; tests that step cycles call it themselves.
  public func shutdown() async {
    self.shutdownSignal.fire()
    let now = self.clock.now
    let farewell = self.storage.withLock { storage -> Farewell in
      guard !storage.isShutDown else { return Farewell() }
      storage.isShutDown = true
      var farewell = storage.mission.map { Farewell($0.farewell(at: now)) } ?? Farewell()
      farewell.stops += storage.queuedCalls
      storage.queuedCalls.removeAll()
      return farewell
    }
    await self.perform(farewell.stops)
    await self.perform(farewell.teardowns)
  }

  private func tickLoop(_ runner: CallRunner) async {
    let period = self.configuration.tickPeriod
    var next = self.clock.now
    while !Task.isCancelled && !self.shutdownSignal.isFired {
      runner.submit(self.runCycle())
      next = next.advanced(by: period)
      let now = self.clock.now
      if next < now { next = now }
      await self.sleep(until: next)
    }
  }

  /// Sleeps until `deadline` on the clock, or until shutdown or cancellation.
  private func sleep(until deadline: AnyClock<Duration>.Instant) async {
    let clock = self.clock
    let signal = self.shutdownSignal
    await withTaskGroup(of: Void.self) { group in
      group.addTask { try? await clock.sleep(until: deadline) }
      group.addTask { await signal.wait() }
      await group.next()
      group.cancelAll()
    }
  }
}
