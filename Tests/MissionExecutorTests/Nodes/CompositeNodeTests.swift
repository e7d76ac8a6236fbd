import BosdynAPI
import MissionExecutor
import SwiftProtobuf
import Testing

@Suite("Composite nodes", .timeLimit(.minutes(1)))
struct CompositeNodeTests {
  @Test func sequenceRunsChildrenInOrderUntilOneFails() async throws {
    let harness = Harness()
    try await harness.run(.sequence("root", [.succeed("a"), .fail("b"), .succeed("c")])) {
      await $0.cycle()
    }
    #expect(harness.status == .failure)
    #expect(harness.tickedNames() == ["root", "a", "b"])
  }

  @Test func sequenceResumesAtItsRunningChildUnlessAlwaysRestart() async throws {
    let resume = Harness()
    try await resume.run(.sequence("root", [.succeed("a"), .sleep("s", seconds: 0.25)])) {
      await $0.cycle(2)
    }
    #expect(resume.tickedNames() == ["root", "s"])

    let restart = Harness()
    try await restart.run(
      .sequence("root", alwaysRestart: true, [.succeed("a"), .sleep("s", seconds: 0.25)])
    ) { await $0.cycle(2) }
    #expect(restart.tickedNames() == ["root", "a", "s"])
  }

  @Test func selectorRunsChildrenUntilOneSucceeds() async throws {
    let harness = Harness()
    try await harness.run(.selector("root", [.fail("a"), .succeed("b"), .succeed("c")])) {
      await $0.cycle()
    }
    #expect(harness.status == .success)
    #expect(harness.tickedNames() == ["root", "a", "b"])

    let allFail = Harness()
    try await allFail.run(.selector("root", [.fail("a"), .fail("b")])) { await $0.cycle() }
    #expect(allFail.status == .failure)
  }

  @Test func selectorWithAlwaysRestartRetriesEarlierChildrenEachTick() async throws {
    let harness = Harness()
    try await harness.run(
      .selector("root", alwaysRestart: true, [.fail("check"), .sleep("wait", seconds: 1)])
    ) { await $0.cycle(3) }
    #expect(harness.tickedNames() == ["root", "check", "wait"])
  }

  private func switchNode(pivot: Bosdyn_Api_Mission_Value, alwaysRestart: Bool = false) -> Node {
    .make("switch") {
      $0.switch.pivotValue = pivot
      $0.switch.alwaysRestart = alwaysRestart
      $0.switch.intChildren = [1: .succeed("one"), 2: .fail("two")]
      $0.switch.defaultChild = .succeed("default")
    }
  }

  @Test(arguments: [(Int64(1), "one", true), (2, "two", false), (9, "default", true)])
  func switchRunsTheChildOfThePivotOrTheDefault(_ pivot: Int64, _ child: String, _ ok: Bool)
    async throws
  {
    let harness = Harness()
    try await harness.run(self.switchNode(pivot: .constant(.int(pivot)))) { await $0.cycle() }
    #expect(harness.tickedNames() == ["switch", child])
    #expect(harness.status == (ok ? .success : .failure))
  }

  @Test func switchWithoutMatchOrDefaultFails() async throws {
    let harness = Harness()
    let node = Node.make("switch") {
      $0.switch.pivotValue = .constant(.int(5))
      $0.switch.intChildren = [1: .succeed("one")]
    }
    try await harness.run(node) { await $0.cycle() }
    #expect(harness.status == .failure)
    #expect(harness.nodeStates()["switch"]?.error.contains("pivot value 5") == true)
  }

  /// A SimpleParallel whose primary is a Switch over `pivot` (1: sleep 1 s, 2: sleep 10 s) and
  /// whose secondary flips the pivot to 2 at 0.2 s and back to 1 at 0.4 s.
  private func flippingSwitch(alwaysRestart: Bool) -> Node {
    .define(
      "vars",
      [.entry("pivot", .int(1))],
      child: .make("parallel") {
        $0.simpleParallel.primary = .make("switch") {
          $0.switch.pivotValue = .variable("pivot", .int)
          $0.switch.alwaysRestart = alwaysRestart
          $0.switch.intChildren = [
            1: .sleep("sleep one", seconds: 1), 2: .sleep("sleep two", seconds: 10),
          ]
        }
        $0.simpleParallel.secondary = .sequence(
          "flipper",
          [
            .sleep("wait a", seconds: 0.2), .set("to two", [.entry("pivot", .int(2))]),
            .sleep("wait b", seconds: 0.2), .set("to one", [.entry("pivot", .int(1))]),
            .sleep("wait c", seconds: 60),
          ]
        )
      }
    )
  }

  @Test func switchWithAlwaysRestartFollowsThePivotAndRestartsAChildItReturnsTo() async throws {
    let harness = Harness()
    var underSwitch: [String] = []
    try await harness.run(self.flippingSwitch(alwaysRestart: true)) { stepper in
      while harness.status == .running {
        await stepper.cycle()
        underSwitch.append(harness.tickedNames()[3])
      }
    }
    #expect(
      Array(underSwitch.prefix(6)) == [
        "sleep one", "sleep one", "sleep one", "sleep two", "sleep two", "sleep one",
      ]
    )
    // "sleep one" started over at 0.5 s, so it ends at 1.5 s, not 1 s.
    #expect(harness.status == .success)
    #expect(harness.controller.state().tickCounter == 15)
  }

  @Test func switchWithoutAlwaysRestartKeepsTheChildItChoseAtStart() async throws {
    let harness = Harness()
    try await harness.run(self.flippingSwitch(alwaysRestart: false)) { await $0.untilFinished() }
    #expect(harness.status == .success)
    #expect(harness.controller.state().tickCounter == 10)
  }

  @Test func repeatStartsItsChildMaxStartsTimesOnePerTickAndCountsStarts() async throws {
    let node = Node.make("repeat") {
      $0.repeat.maxStarts = 3
      $0.repeat.startCounterStateName = "i"
      $0.repeat.child = .succeed("child")
    }
    let harness = Harness()
    var counters: [Int64] = []
    try await harness.run(node) { stepper in
      for _ in 0..<3 {
        await stepper.cycle()
        counters.append(harness.nodeStates()["repeat"]?.variable("i")?.intValue ?? -1)
      }
    }
    #expect(counters == [0, 1, 2])
    #expect(harness.status == .success)
    #expect(harness.controller.state().tickCounter == 2)
  }

  @Test func repeatIgnoresChildFailureUnlessRespectChildFailure() async throws {
    func repeatNode(respect: Bool) -> Node {
      .make("repeat") {
        $0.repeat.maxStarts = 2
        $0.repeat.respectChildFailure = respect
        $0.repeat.child = .fail("child")
      }
    }
    let ignoring = Harness()
    try await ignoring.run(repeatNode(respect: false)) { await $0.untilFinished() }
    #expect(ignoring.status == .success)
    #expect(ignoring.controller.state().tickCounter == 1)

    let respecting = Harness()
    try await respecting.run(repeatNode(respect: true)) { await $0.untilFinished() }
    #expect(respecting.status == .failure)
    #expect(respecting.controller.state().tickCounter == 0)
  }

  @Test func repeatWithZeroStartsSucceedsWithoutTheChild() async throws {
    let harness = Harness()
    try await harness.run(Node.make("repeat") { $0.repeat.child = .fail("child") }) {
      await $0.cycle()
    }
    #expect(harness.status == .success)
    #expect(harness.tickedNames() == ["repeat"])
  }

  @Test func overridesChangeTheNodeThatRuns() async throws {
    var node = Node.make("repeat") {
      $0.repeat.maxStarts = 1
      $0.repeat.child = .succeed("child")
    }
    node.parameterValues = [.entry("count", .int(4))]
    node.overrides = [.entry("max_starts", .parameter("count"))]
    let harness = Harness()
    try await harness.run(node) { await $0.untilFinished() }
    #expect(harness.controller.state().tickCounter == 3)
  }

  @Test func retryRunsTheChildUntilItSucceedsOrAttemptsRunOut() async throws {
    // The child fails until the attempt counter reaches 2.
    let child = Node.condition("third time", .variable("attempt", .int), .ge, .constant(.int(2)))
    let node = Node.make("retry") {
      $0.retry.maxAttempts = 5
      $0.retry.attemptCounterStateName = "attempt"
      $0.retry.child = child
    }
    let harness = Harness()
    try await harness.run(node) { await $0.untilFinished() }
    #expect(harness.status == .success)
    #expect(harness.controller.state().tickCounter == 2)

    let exhausted = Harness()
    let short = Node.make("retry") {
      $0.retry.maxAttempts = 2
      $0.retry.child = .fail("child")
    }
    try await exhausted.run(short) { await $0.untilFinished() }
    #expect(exhausted.status == .failure)
    #expect(exhausted.controller.state().tickCounter == 1)
    #expect(exhausted.nodeStates()["retry"]?.error.contains("failed 2 times") == true)
  }

  @Test func forDurationFailsOrRunsTheTimeoutChildWhenTimeIsUp() async throws {
    func forDuration(timeoutChild: Node?) -> Node {
      .make("limit") {
        $0.forDuration.duration.seconds = 1
        $0.forDuration.timeRemainingName = "left"
        $0.forDuration.child = .sleep("long", seconds: 5)
        if let timeoutChild { $0.forDuration.timeoutChild = timeoutChild }
      }
    }
    let failing = Harness()
    var remaining: [Double] = []
    try await failing.run(forDuration(timeoutChild: nil)) { stepper in
      for _ in 0..<3 {
        await stepper.cycle()
        remaining.append(failing.nodeStates()["limit"]?.variable("left")?.floatValue ?? -1)
      }
      await stepper.untilFinished()
    }
    #expect(remaining.map { ($0 * 10).rounded() / 10 } == [1.0, 0.9, 0.8])
    #expect(failing.status == .failure)
    #expect(failing.controller.state().tickCounter == 10)
    #expect(failing.nodeStates()["limit"]?.error.contains("within 1.0 s") == true)

    let fallback = Harness()
    try await fallback.run(forDuration(timeoutChild: .succeed("fallback"))) {
      await $0.untilFinished()
    }
    #expect(fallback.status == .success)
    #expect(fallback.tickedNames() == ["limit", "fallback"])
  }

  @Test func forDurationReadsItsDurationFromTheBlackboard() async throws {
    var duration = Bosdyn_Api_Mission_ConstantValue()
    duration.msgValue = try .init(message: SwiftProtobufDuration.seconds(0.3))
    let node = Node.define(
      "vars",
      [.entry("limit", duration)],
      child: .make("limit") {
        $0.forDuration.durationNameInBlackboard = "limit"
        $0.forDuration.child = .running("forever")
      }
    )
    let harness = Harness()
    try await harness.run(node) { await $0.untilFinished() }
    #expect(harness.status == .failure)
    #expect(harness.controller.state().tickCounter == 3)
  }

  @Test func simpleParallelReturnsThePrimaryAndRestartsTheSecondary() async throws {
    let node = Node.make("parallel") {
      $0.simpleParallel.primary = .sleep("primary", seconds: 0.3)
      $0.simpleParallel.secondary = .succeed("secondary")
    }
    let harness = Harness()
    var secondaryTicks = 0
    try await harness.run(node) { stepper in
      while harness.status == .running || harness.status == .none {
        await stepper.cycle()
        if harness.tickedNames().contains("secondary") { secondaryTicks += 1 }
      }
    }
    #expect(harness.status == .success)
    #expect(secondaryTicks == 3)
  }

  @Test func simpleParallelRunsTheSecondaryAtLeastOnceAndOnceOnlyWhenAsked() async throws {
    let instant = Harness()
    try await instant.run(
      .make("parallel") {
        $0.simpleParallel.primary = .succeed("primary")
        $0.simpleParallel.secondary = .fail("secondary")
      }
    ) { await $0.cycle() }
    #expect(instant.tickedNames() == ["parallel", "primary", "secondary"])
    #expect(instant.status == .success)

    let once = Harness()
    var secondaryTicks = 0
    try await once.run(
      .make("parallel") {
        $0.simpleParallel.primary = .sleep("primary", seconds: 0.3)
        $0.simpleParallel.secondary = .succeed("secondary")
        $0.simpleParallel.runSecondaryNodeOnce = true
      }
    ) { stepper in
      for _ in 0..<4 {
        await stepper.cycle()
        if once.tickedNames().contains("secondary") { secondaryTicks += 1 }
      }
    }
    #expect(secondaryTicks == 1)
  }

  @Test func parallelAndFailsAtOnceUnlessFinishEveryNode() async throws {
    func parallel(finishEvery: Bool) -> Node {
      .make("all") {
        $0.parallelAnd.children = [.fail("bad"), .sleep("slow", seconds: 0.3)]
        $0.parallelAnd.finishEveryNode = finishEvery
      }
    }
    let early = Harness()
    try await early.run(parallel(finishEvery: false)) { await $0.untilFinished() }
    #expect(early.status == .failure)
    #expect(early.controller.state().tickCounter == 0)
    #expect(early.tickedNames() == ["all", "bad"])

    let late = Harness()
    try await late.run(parallel(finishEvery: true)) { await $0.untilFinished() }
    #expect(late.status == .failure)
    #expect(late.controller.state().tickCounter == 3)

    let good = Harness()
    try await good.run(
      .make("all") { $0.parallelAnd.children = [.succeed("a"), .sleep("b", seconds: 0.2)] }
    ) { await $0.untilFinished() }
    #expect(good.status == .success)
  }

  @Test func anErrorEndsTheMissionThroughEveryComposite() async throws {
    let harness = Harness()
    let tree = Node.selector(
      "root",
      [
        .make("retry") {
          $0.retry.maxAttempts = 3
          $0.retry.child = .constant("broken", .error)
        }, .succeed("never"),
      ]
    )
    try await harness.run(tree) { await $0.cycle() }
    let state = harness.controller.state()
    #expect(state.status == .error)
    #expect(state.error.contains("RESULT_ERROR"))
    #expect(harness.tickedNames() == ["root", "retry", "broken"])
  }
}

/// A `google.protobuf.Duration` from seconds.
enum SwiftProtobufDuration {
  static func seconds(_ value: Double) -> Google_Protobuf_Duration {
    Google_Protobuf_Duration(
      seconds: Int64(value),
      nanos: Int32((value - value.rounded(.down)) * 1e9)
    )
  }
}
