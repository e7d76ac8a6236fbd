import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import MissionExecutor
import Testing

/// Services that hang or crash, run through ``MissionRun`` (cycles on a test clock).
@Suite("RemoteGrpc with hanging and crashing services", .timeLimit(.minutes(1)))
struct RemoteGrpcTimeoutTests {
  @Test func aNeverAnsweringServiceFailsItsNodeAfterTimeoutWithoutBlockingOthers() async throws {
    let release = Gate()
    let hanging = RecordingServicer { _, _ in .after(release, .success()) }
    let healthy = RecordingServicer { _, number in .respond(number < 3 ? .running() : .success()) }
    try await withRemoteMissionTestServer(servicer: hanging) { hangingClient, _ in
      try await withRemoteMissionTestServer(servicer: healthy) { healthyClient, _ in
        let tree = Node.make("both") {
          $0.parallelAnd.finishEveryNode = true
          $0.parallelAnd.children = [
            .remote("stuck", service: "hanging", timeout: 1),
            .remote("fine", service: "healthy"),
          ]
        }
        let run = try await MissionRun(
          root: tree,
          services: ["hanging": hangingClient, "healthy": healthyClient]
        )
        let outcome = try await run.untilFinished(maxCycles: 50)
        #expect(outcome.status == .failure)
        // The healthy callback finished long before the stuck one timed out.
        let fine = outcome.states(ofNodeNamed: "fine")
        #expect(fine.last?.state.result == .success)
        #expect(fine.last?.tick == 3)
        let stuck = try #require(outcome.states(ofNodeNamed: "stuck").last)
        #expect(stuck.state.result == .failure)
        #expect(stuck.tick == 10)
        #expect(stuck.state.error.contains("no good answer from hanging within 1.0 s"))
        #expect(hanging.events.ticks == 1)
        #expect(hanging.maxInFlightTicks == 1)
        // Its Stop went out once the node gave up on the Tick, and had gone out before the run
        // returned: answered during the cycles, or sent at shutdown when they wound down first.
        #expect(hanging.events.stops == 1 && hanging.events.teardowns == 1, "\(hanging.events)")
        release.open()
      }
    }
  }

  @Test func aCrashingServiceIsRetriedEachCycleThenTheNodeFails() async throws {
    let crashing = RecordingServicer { _, _ in .crash }
    try await withRemoteMissionTestServer(servicer: crashing) { client, _ in
      let run = try await MissionRun(
        root: .remote("call", service: "crashy", timeout: 0.5),
        services: ["crashy": client]
      )
      let outcome = try await run.untilFinished(maxCycles: 50)
      #expect(outcome.status == .failure)
      let error = outcome.lastState(ofNodeNamed: "call")?.error ?? ""
      #expect(error.contains("within 0.5 s"), "\(error)")
      #expect(error.contains("CODE_INTERNAL_SERVER_ERROR"), "\(error)")
      #expect(crashing.events.ticks == 5)
    }
  }

  @Test func aServiceThatRecoversWithinTheTimeoutSucceeds() async throws {
    let flaky = RecordingServicer { _, number in number < 3 ? .crash : .respond(.success()) }
    try await withRemoteMissionTestServer(servicer: flaky) { client, _ in
      let run = try await MissionRun(
        root: .remote("call", service: "flaky", timeout: 2),
        services: ["flaky": client]
      )
      let outcome = try await run.untilFinished(maxCycles: 50)
      #expect(outcome.status == .success)
      #expect(flaky.events.ticks == 3)
    }
  }
}
