import BosdynMission
import BosdynMissionTesting
import Clocks
import Synchronization
import Testing

@testable import MissionExecutor

/// The call runner when the driver of the cycles winds down: every call submitted is performed
/// or refused, never lost, and one abandoned ends as cancelled, so a Stop that never went out
/// stays owed. (`RemoteGrpcTimeoutTests` lost the hanging service's Stop about once in 30
/// loaded runs.)
@Suite("The call runner winding down", .timeLimit(.minutes(1)))
struct CallRunnerTests {
  @Test func callsSubmittedAfterFinishAreRefusedNotTakenForQueued() async {
    let runner = CallRunner()
    runner.finish()
    let refused = runner.submitFollowUps([Self.call {}, Self.call {}])
    #expect(refused.count == 2)
    #expect(runner.inFlight == 0)
    let batch = runner.submit([Self.call {}])
    #expect(runner.inFlight == 0)
    await batch.wait()  // a refused call counts as finished in its batch
    await runner.run { _ in Issue.record("a refused call was performed") }
  }

  @Test func callsStillQueuedAtFinishEndCancelledWithoutBeingSent() async {
    let runner = CallRunner()
    let sent = Recorder()
    let batch = runner.submit([
      Self.call { sent.record("first") }, Self.call { sent.record("second") },
    ])
    runner.finish()
    let results = Recorder()
    await runner.run { call in results.record(Self.name(await call.perform(on: Self.clock))) }
    #expect(results.entries == ["cancelled", "cancelled"])
    #expect(sent.entries.isEmpty)
    #expect(runner.inFlight == 0)
    await batch.wait()
  }

  @Test func aCancelledRunStillEndsEveryQueuedCall() async {
    let runner = CallRunner()
    let sent = Recorder()
    let batch = runner.submit([
      Self.call { sent.record("first") }, Self.call { sent.record("second") },
    ])
    runner.finish()
    let results = Recorder()
    await withDiscardingTaskGroup { group in
      group.cancelAll()
      group.addTask {
        await runner.run { call in results.record(Self.name(await call.perform(on: Self.clock))) }
      }
    }
    #expect(results.entries == ["cancelled", "cancelled"])
    #expect(sent.entries.isEmpty)
    #expect(runner.inFlight == 0)
    await batch.wait()
  }

  @Test func finishCancelsTheCallsRunning() async {
    let runner = CallRunner()
    let entered = OneShotSignal()
    let never = OneShotSignal()
    runner.submit([
      Self.call {
        entered.fire()
        await never.wait()
      }
    ])
    let results = Recorder()
    await withDiscardingTaskGroup { group in
      group.addTask {
        await runner.run { call in results.record(Self.name(await call.perform(on: Self.clock))) }
      }
      await entered.wait()
      runner.finish()
    }
    #expect(results.entries == ["cancelled"])
    #expect(runner.inFlight == 0)
  }

  @Test func waitingByIdDoesNotLetAnEndedCallStandInForANewOne() async {
    let runner = CallRunner()
    let first = OneShotSignal()
    let second = OneShotSignal()
    runner.submit([Self.call { await first.wait() }])
    await withDiscardingTaskGroup { group in
      group.addTask {
        await runner.run { call in _ = await call.perform(on: Self.clock) }
      }
      let hanging = runner.callsInFlight
      runner.submit([Self.call { await second.wait() }])
      let fresh = runner.callsInFlight.subtracting(hanging)
      let waited = OneShotSignal()
      group.addTask {
        await runner.waitUntil(onlyInFlight: hanging)
        waited.fire()
      }
      first.fire()
      await runner.waitUntil(onlyInFlight: fresh)  // the hanging call has ended
      #expect(!waited.isFired, "the second call has not answered")
      second.fire()
      await waited.wait()
      runner.finish()
    }
  }

  /// A call taken for hanging whose node gives up on it ends at once, and what its end sets
  /// off (the Stop that waited for the Tick) must be waited for too.
  @Test func aCancelledCallTakenForHangingIsStillWaitedFor() async {
    let runner = CallRunner()
    let tickCancellation = OneShotSignal()
    let never = OneShotSignal()
    let other = OneShotSignal()
    let deliver = OneShotSignal()
    let order = Recorder()
    runner.submit([Self.call(cancellation: tickCancellation) { await never.wait() }])
    let hanging = runner.callsInFlight
    let otherCall = runner.submit([Self.call { await other.wait() }])
    await withDiscardingTaskGroup { group in
      group.addTask {
        await runner.run { call in
          let result = await call.perform(on: Self.clock)
          guard call.cancellation === tickCancellation else { return }
          await deliver.wait()
          #expect(Self.name(result) == "cancelled")
          // The node's answer to its Tick ending: the Stop it owed.
          _ = runner.submitFollowUps([Self.call { order.record("stop") }])
        }
      }
      group.addTask {
        await runner.waitUntil(onlyInFlight: hanging)
        order.record("waited")
      }
      tickCancellation.fire()  // the node timed out
      other.fire()
      await otherCall.wait()  // only the cancelled Tick, not yet delivered, is in flight now
      deliver.fire()
      await runner.waitUntilIdle()
      runner.finish()
    }
    #expect(order.entries == ["stop", "waited"])
  }

  /// The node whose Tick is cancelled as the cycles wind down still owes its Stop: the Stop it
  /// makes then is refused, and the farewell sends it.
  @Test func aStopMadeAsTheCyclesWindDownGoesOutAtShutdown() async throws {
    let release = Gate()
    let servicer = RecordingServicer { _, _ in .after(release, .running()) }
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let harness = Harness(environment: RemoteServicesEnvironment(services: ["rec": client]))
      await harness.load(.remote("call", service: "rec"))
      harness.controller.play(pauseAt: nil)
      try await harness.cycles { stepper in
        stepper.manual.step()  // the Tick goes out and hangs
        await servicer.waitUntil { $0.ticks == 1 }
        harness.controller.pause()
        await harness.clock.advance(by: harness.period)
        stepper.manual.step()  // the node is halted: its Stop waits for the Tick
        #expect(stepper.manual.callsInFlight == 1)
      }
      // Leaving the cycles cancelled the Tick; the Stop that followed was never sent.
      #expect(servicer.events.stops == 0)
      await harness.controller.shutdown()
      #expect(servicer.events.stops == 1)
      #expect(servicer.events.teardowns == 1)
      release.open()
    }
  }

  private static let clock = AnyClock(ContinuousClock())

  /// A call nobody waits on whose body is `body`.
  private static func call(
    cancellation: OneShotSignal = OneShotSignal(),
    _ body: @escaping @Sendable () async -> Void
  ) -> PendingCall {
    PendingCall(
      missionID: 1,
      node: nil,
      token: 0,
      deadline: nil,
      cancellation: cancellation,
      body: {
        await body()
        return true
      }
    )
  }

  /// Strings recorded from concurrent calls (a class: a `Mutex` cannot be captured).
  private final class Recorder: Sendable {
    private let lines = Mutex<[String]>([])
    func record(_ line: String) { self.lines.withLock { $0.append(line) } }
    var entries: [String] { self.lines.withLock { $0 } }
  }

  private static func name(_ result: CallResult) -> String {
    switch result {
    case .answered: "answered"
    case .failed: "failed"
    case .timedOut: "timedOut"
    case .cancelled: "cancelled"
    }
  }
}
