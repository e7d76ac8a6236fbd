import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynMission
import BosdynMissionTesting
import Clocks
import GRPCNIOTransportHTTP2
import MissionExecutor
import Testing

/// RemoteGrpc nodes against a real servicer over loopback gRPC.
@Suite("RemoteGrpc against a recording servicer", .timeLimit(.minutes(1)))
struct RemoteGrpcTests {
  typealias Client = RemoteMissionClient<HTTP2ClientTransport.Posix>

  /// Hosts a recording servicer as `rec` and runs `body` with a harness that reaches it.
  private func withService<Result: Sendable>(
    _ servicer: RecordingServicer,
    configuration: MissionController.Configuration = .defaults,
    _ body: (Harness, Client) async throws -> Result
  ) async throws -> Result {
    try await withRemoteMissionTestServer(servicer: servicer) { client, _ in
      let harness = Harness(
        environment: RemoteServicesEnvironment(services: ["rec": client]),
        configuration: configuration
      )
      return try await body(harness, client)
    }
  }

  @Test func sessionsAreEstablishedAtLoadWithSubleasesAndInputDeclarations() async throws {
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      let node = Node.remote(
        "call",
        service: "rec",
        leaseResources: ["body"],
        inputs: [
          .entry("user-string", .string("Spot")), .entry("charge", .variable("battery", .float)),
        ]
      )
      await harness.load(.sequence("root", [node]), leases: [.body(sequence: [3])])
      #expect(servicer.events == [.establish("session-1")])
      let request = try #require(servicer.establishRequests.first)
      #expect(request.leases.map(\.resource) == ["body"])
      #expect(request.leases.first?.isSublease(of: .body(sequence: [3])) == true)
      #expect(request.leases.first?.clientNames == ["robot-mission"])
      #expect(request.inputs.map(\.name) == ["user-string", "charge"])
      #expect(request.inputs.map(\.type) == [.string, .float])
    }
  }

  @Test func ticksCarryTheSessionSubleasesInputsParamsAndGroupName() async throws {
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      let tree = Node.define(
        "vars",
        [.entry("name", .string("Spot")), .entry("date", .string("2024-01-02"))],
        child: .remote(
          "call",
          service: "rec",
          leaseResources: ["body"],
          inputs: [.entry("user-string", .variable("name", .string))],
          params: DictParam(strings: ["who": "Robot"]),
          groupNameFormat: "walk-{date}"
        )
      )
      let playLease = Bosdyn_Api_Lease.body(sequence: [9])
      try await harness.run(tree, leases: [playLease]) { await $0.untilFinished() }
      #expect(harness.status == .success)
      let tick = try #require(servicer.ticks.first)
      #expect(tick.sessionID == "session-1")
      #expect(tick.leases.count == 1)
      #expect(tick.leases.first?.isSublease(of: playLease) == true)
      #expect(tick.leases.first?.sequence == [9, 0])
      #expect(tick.inputs.constantString(forKey: "user-string") == "Spot")
      #expect(tick.params.stringValue(forKey: "who") == "Robot")
      #expect(tick.groupName == "walk-2024-01-02")
      #expect(tick.header.clientName == "test-client")
    }
  }

  @Test func withoutAFormatTicksCarryTheMissionsGroupName() async throws {
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      _ = await harness.controller.load(.remote("call", service: "rec"), groupName: "patrol-7")
      harness.controller.play(pauseAt: nil)
      try await harness.cycles { await $0.untilFinished() }
      #expect(servicer.ticks.first?.groupName == "patrol-7")
    }
  }

  @Test func stopGoesOutInTheCycleAfterTheNodeWasLastTicked() async throws {
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      let tree = Node.sequence(
        "root",
        [.remote("call", service: "rec"), .sleep("after", seconds: 5)]
      )
      try await harness.run(tree) { stepper in
        await stepper.cycle()  // Tick sent
        await stepper.cycle()  // its SUCCESS consumed: the node finishes
        #expect(servicer.events == [.establish("session-1"), .tick("session-1")])
        await stepper.cycle()  // not ticked any more: Stop
        #expect(servicer.events.last == .stop("session-1"))
        await stepper.cycle(3)
        #expect(servicer.events.stops == 1)
      }
    }
  }

  @Test func pausingStopsARunningCallbackAndPlayTicksItAgain() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.running()) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { stepper in
        await stepper.cycle(3)
        #expect(servicer.events.ticks == 3 && servicer.events.stops == 0)
        harness.controller.pause()
        await stepper.cycle()
        #expect(servicer.events.last == .stop("session-1"))
        await stepper.cycle(2)
        #expect(servicer.events.ticks == 3 && servicer.events.stops == 1)
        harness.controller.play(pauseAt: nil)
        await stepper.cycle()
        #expect(servicer.events.ticks == 4)
      }
    }
  }

  @Test func stoppingAndRestartingAlsoSendStop() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.running()) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { stepper in
        await stepper.cycle(2)
        harness.controller.restart(pauseAt: nil)
        await stepper.cycle()
        #expect(servicer.events.stops == 1)
        await stepper.cycle()
        #expect(servicer.events.last == .tick("session-1"))
        harness.controller.stop()
        await stepper.cycle()
        #expect(servicer.events.stops == 2)
      }
    }
  }

  @Test func replacingTheMissionStopsAndTearsDownItsSessions() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.running()) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { await $0.cycle(2) }
      await harness.load(.remote("next", service: "rec"))
      #expect(
        servicer.events == [
          .establish("session-1"), .tick("session-1"), .tick("session-1"),
          .establish("session-2"), .stop("session-1"), .teardown("session-1"),
        ]
      )
    }
  }

  @Test func shuttingDownStopsAndTearsDownEverySession() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.running()) }
    try await self.withService(servicer) { harness, _ in
      let tree = Node.make("both") {
        $0.parallelAnd.children = [
          .remote("a", service: "rec"), .remote("b", service: "rec"),
        ]
      }
      try await harness.run(tree) { await $0.cycle(2) }
      await harness.controller.shutdown()
      #expect(servicer.events.stops == 2)
      #expect(servicer.events.teardowns == 2)
      #expect(
        Set(servicer.events.suffix(2)) == [.teardown("session-1"), .teardown("session-2")]
      )
      await harness.controller.shutdown()
      #expect(servicer.events.teardowns == 2)
    }
  }

  @Test func theTickLoopTearsDownOnGracefulShutdown() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.running()) }
    try await self.withService(servicer) { harness, _ in
      await harness.load(.remote("call", service: "rec"))
      harness.controller.play(pauseAt: nil)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await harness.controller.run() }
        await servicer.waitUntil { $0.ticks >= 1 }
        harness.controller.beginGracefulShutdown()
        try await group.waitForAll()
      }
      #expect(servicer.events.last == .teardown("session-1"))
    }
  }

  @Test func anInvalidSessionIsEstablishedAgainOnceAndTheNodeGoesOn() async throws {
    let servicer = RecordingServicer { _, number in .respond(number < 3 ? .running() : .success()) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { stepper in
        await stepper.cycle()
        servicer.forgetSessions()  // the service restarted
        await stepper.untilFinished()
      }
      #expect(harness.status == .success)
      #expect(
        servicer.events == [
          .establish("session-1"), .tick("session-1"), .tick("session-1"),
          .establish("session-2"), .tick("session-2"),
        ]
      )
      await harness.controller.shutdown()
      #expect(servicer.events.stops == 1 && servicer.events.teardowns == 2)
    }
  }

  @Test func anInvalidSessionAgainAfterANewSessionFailsTheNode() async throws {
    let servicer = RecordingServicer { _, _ in .respond(.invalidSessionID()) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { await $0.untilFinished() }
      #expect(harness.status == .failure)
      #expect(
        harness.nodeStates()["call"]?.error.contains("STATUS_INVALID_SESSION_ID again") == true
      )
    }
  }

  @Test(arguments: [
    (TickResponse.failure("the door is locked"), "the door is locked"),
    (TickResponse.missingLeases(["arm"]), "missing leases on arm"),
    (
      {
        var error = Bosdyn_Api_CustomParamError()
        error.status = .invalidValue
        error.errorMessages = ["who param has error"]
        return TickResponse.customParamsError(error)
      }(), "who param has error"
    ),
    (
      {
        var response = TickResponse()
        response.status = .missingInputs
        response.missingInputs = [.string("user-string")]
        return response
      }(), "missing inputs user-string"
    ),
  ])
  func refusalsFailTheNodeWithTheReason(_ answer: TickResponse, _ reason: String) async throws {
    let servicer = RecordingServicer { _, _ in .respond(answer) }
    try await self.withService(servicer) { harness, _ in
      try await harness.run(.remote("call", service: "rec")) { await $0.untilFinished() }
      #expect(harness.status == .failure)
      let error = harness.nodeStates()["call"]?.error ?? ""
      #expect(error.contains(reason), "\(error)")
      #expect(servicer.events.ticks == 1)
    }
  }

  @Test func thereIsNeverASecondTickWhileOneIsInFlight() async throws {
    let gate = Gate()
    let servicer = RecordingServicer { _, number in
      number == 1 ? .after(gate, .running()) : .respond(.success())
    }
    try await self.withService(servicer) { harness, _ in
      await harness.load(.remote("call", service: "rec", timeout: 5))
      harness.controller.play(pauseAt: nil)
      try await harness.cycles { stepper in
        stepper.manual.step()
        await servicer.waitUntil { $0.ticks == 1 }
        for _ in 0..<5 {
          await harness.clock.advance(by: harness.period)
          stepper.manual.step()
          #expect(harness.results()["call"] == .running)
        }
        #expect(servicer.events.ticks == 1)
        gate.open()
        await stepper.manual.waitForCalls()
        await stepper.untilFinished()
      }
      #expect(harness.status == .success)
      #expect(servicer.events.ticks == 2)
      #expect(servicer.maxInFlightTicks == 1)
    }
  }

  @Test func anUnknownServiceFailsTheLoadWithAValidateError() async throws {
    let harness = Harness()
    let result = await harness.controller.load(
      .sequence("root", [.remote("lost", service: "nowhere"), .succeed("fine")])
    )
    #expect(result.status == .validateError)
    #expect(result.failedNodes.map(\.name) == ["lost"])
    #expect(result.failedNodes.first?.implTypename == "bosdyn.api.mission.RemoteGrpc")
    #expect(result.failedNodes.first?.error.contains("no service named 'nowhere'") == true)
    #expect(harness.controller.mission.id == -1)
  }

  @Test func aRefusedSessionOrAMissingLoadLeaseFailsTheLoad() async throws {
    let refusing = RecordingServicer(refuseSessions: true)
    try await self.withService(refusing) { harness, _ in
      let result = await harness.controller.load(.remote("call", service: "rec"))
      #expect(result.status == .validateError)
      #expect(result.failedNodes.first?.error.contains("missing leases on body") == true)
    }
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      let result = await harness.controller.load(
        .remote("call", service: "rec", leaseResources: ["body"])
      )
      #expect(result.status == .validateError)
      #expect(
        result.failedNodes.first?.error.contains("no lease on body was given to load") == true
      )
      #expect(servicer.events.isEmpty)
    }
  }

  @Test func aFailedLoadTearsDownTheSessionsItEstablished() async throws {
    let servicer = RecordingServicer()
    try await self.withService(servicer) { harness, _ in
      let result = await harness.controller.load(
        .sequence("root", [.remote("good", service: "rec"), .remote("bad", service: "nowhere")])
      )
      #expect(result.status == .validateError)
      #expect(servicer.events == [.establish("session-1"), .teardown("session-1")])
    }
  }
}
