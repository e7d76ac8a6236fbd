import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import ExampleServicers
import MissionExecutor
import Testing

@Suite("Running missions against servicers with MissionRun", .timeLimit(.minutes(1)))
struct MissionRunTests {
  @Test func theHelloWorldServicerGreetsTheUserStringOfTheMission() async throws {
    let capture = LogCapture()
    try await withRemoteMissionTestServer(servicer: try HelloWorldServicer(logger: capture.logger))
    {
      client,
      _ in
      let root = Node.remote(
        "Say hello",
        service: HelloWorldServicer.directoryName,
        inputs: [.entry("user-string", .string("Node 1"))]
      )
      let run = try await MissionRun(root: root, services: ["hello-world-callback": client])
      let outcome = try await run.untilFinished(maxCycles: 100)
      #expect(outcome.status == .success)
      #expect(outcome.lastState(ofNodeNamed: "Say hello")?.result == .success)
    }
    #expect(capture.messages.filter { $0.hasPrefix("Hello") } == ["Hello Node 1!"])
    #expect(capture.messages.contains("Stop unimplemented!"))
    #expect(capture.messages.contains("TeardownSession unimplemented!"))
  }

  @Test func anOverriddenParamReachesTheServicer() async throws {
    let capture = LogCapture()
    try await withRemoteMissionTestServer(servicer: try HelloWorldServicer(logger: capture.logger))
    {
      client,
      _ in
      var root = Node.remote("Say hello", service: "hello-world-callback")
      root.parameterValues = [.entry("name", .string("Parameter"))]
      root.overrides = [.entry("params.who", .parameter("name"))]
      let run = try await MissionRun(root: root, services: ["hello-world-callback": client])
      #expect(try await run.untilFinished().status == .success)
    }
    #expect(capture.messages.filter { $0.hasPrefix("Hello") } == ["Hello Parameter!"])
  }

  @Test func aMissionThatDoesNotLoadThrowsWithTheFailedNodes() async throws {
    let error = try await #require(throws: MissionRun.LoadError.self) {
      _ = try await MissionRun(root: .remote("call", service: "absent"), services: [:])
    }
    #expect(error.status == .validateError)
    #expect(error.failedNodes.map(\.name) == ["call"])
  }

  @Test func longSleepsRunWithoutWaitingOnTheWallClock() async throws {
    let clock = ContinuousClock()
    let started = clock.now
    let run = try await MissionRun(root: .sleep("nap", seconds: 30), services: [:])
    let outcome = try await run.untilFinished(maxCycles: 1000)
    #expect(outcome.status == .success)
    #expect(outcome.cycles == 301)
    #expect(outcome.ticks.count == 301)
    #expect(started.duration(to: clock.now) < .seconds(20))
  }

  @Test func theCycleLimitEndsARunThatDoesNotFinish() async throws {
    let run = try await MissionRun(root: .running("forever"), services: [:])
    let outcome = try await run.untilFinished(maxCycles: 7)
    #expect(outcome.status == .running)
    #expect(outcome.cycles == 7)
  }
}
