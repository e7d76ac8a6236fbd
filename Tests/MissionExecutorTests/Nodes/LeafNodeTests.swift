import BosdynAPI
import Foundation
import MissionExecutor
import SwiftProtobuf
import Testing

@Suite("Leaf nodes", .timeLimit(.minutes(1)))
struct LeafNodeTests {
  @Test func sleepCountsMissionTimeAndPausesDoNotCount() async throws {
    let harness = Harness()
    try await harness.run(.sleep("nap", seconds: 0.5)) { stepper in
      await stepper.cycle(3)
      harness.controller.pause()
      await stepper.cycle(20)
      harness.controller.play(pauseAt: nil)
      await stepper.cycle(2)
      #expect(harness.status == .running)
      await stepper.untilFinished()
    }
    #expect(harness.status == .success)
    #expect(harness.controller.state().tickCounter == 5)
  }

  @Test func sleepRestartsItsTimerAfterAStopOnlyWhenAsked() async throws {
    func run(restart: Bool) async throws -> Int64 {
      let harness = Harness()
      try await harness.run(.sleep("nap", seconds: 0.5, restartAfterStop: restart)) { stepper in
        await stepper.cycle(3)
        harness.controller.pause()
        await stepper.cycle()
        harness.controller.play(pauseAt: nil)
        await stepper.untilFinished()
      }
      return harness.controller.state().tickCounter
    }
    #expect(try await run(restart: false) == 5)
    #expect(try await run(restart: true) == 8)
  }

  @Test func sleepReadsItsDurationFromTheBlackboard() async throws {
    let node = Node.define(
      "vars",
      [.entry("nap", .float(0.3))],
      child: .make("sleep") { $0.sleep.durationNameInBlackboard = "nap" }
    )
    let harness = Harness()
    try await harness.run(node) { await $0.untilFinished() }
    #expect(harness.controller.state().tickCounter == 3)
  }

  @Test(arguments: [
    (Bosdyn_Api_Mission_Result.success, Bosdyn_Api_Mission_State.Status.success),
    (.failure, .failure), (.running, .running), (.error, .error),
  ])
  func constantResultReturnsItsResult(
    _ result: Bosdyn_Api_Mission_Result,
    _ status: Bosdyn_Api_Mission_State.Status
  ) async throws {
    let harness = Harness()
    try await harness.run(.constant("c", result)) { await $0.cycle() }
    #expect(harness.status == status)
    #expect(harness.results()["c"] == result)
  }

  @Test(arguments: [
    (
      Bosdyn_Api_Mission_ConstantValue.int(3), Bosdyn_Api_Mission_Condition.Compare.lt,
      Bosdyn_Api_Mission_ConstantValue.float(3.5), true
    ),
    (.int(3), .eq, .float(3.0), true),
    (.float(2.5), .ge, .int(3), false),
    (.int(4), .ne, .int(4), false),
    (.int(4), .le, .int(4), true),
    (.int(5), .gt, .int(4), true),
    (.string("abc"), .lt, .string("abd"), true),
    (.string("x"), .eq, .string("x"), true),
    (.bool(true), .eq, .bool(true), true),
    (.bool(false), .lt, .bool(true), true),
  ])
  func conditionComparesWithNumericPromotion(
    _ lhs: Bosdyn_Api_Mission_ConstantValue,
    _ operation: Bosdyn_Api_Mission_Condition.Compare,
    _ rhs: Bosdyn_Api_Mission_ConstantValue,
    _ holds: Bool
  ) async throws {
    let harness = Harness()
    try await harness.run(.condition("check", .constant(lhs), operation, .constant(rhs))) {
      await $0.cycle()
    }
    #expect(harness.status == (holds ? .success : .failure))
  }

  @Test func conditionOfMismatchedTypesIsAnError() async throws {
    let harness = Harness()
    try await harness.run(.condition("check", .constant(.string("1")), .eq, .constant(.int(1)))) {
      await $0.cycle()
    }
    #expect(harness.status == .error)
    #expect(harness.controller.state().error.contains("cannot compare a string with a int"))
  }

  @Test func conditionReadsVariablesConvertedToTheirDeclaredType() async throws {
    let tree = Node.define(
      "vars",
      [.entry("count", .int(7))],
      child: .condition("check", .variable("count", .float), .eq, .constant(.float(7)))
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    #expect(harness.status == .success)

    let undefined = Harness()
    try await undefined.run(.condition("check", .variable("nope", .int), .eq, .constant(.int(1)))) {
      await $0.cycle()
    }
    #expect(undefined.status == .error)
    #expect(undefined.controller.state().error.contains("'nope' is not defined"))
  }

  /// A mission whose variable `x` was written when the mission started and is read by a
  /// Condition after `delay` seconds.
  private func staleRead(_ staleness: Bosdyn_Api_Mission_Condition.HandleStaleness) -> Node {
    .define(
      "vars",
      [.entry("x", .int(1))],
      child: .sequence(
        "body",
        [
          .sleep("wait", seconds: 3),
          .condition("check", .variable("x", .int), .eq, .constant(.int(1)), staleness: staleness),
        ]
      )
    )
  }

  @Test func conditionHandlesStaleValuesAsAsked() async throws {
    let anyway = Harness()
    try await anyway.run(self.staleRead(.handleStaleReadAnyway)) { await $0.untilFinished() }
    #expect(anyway.status == .success)

    let failing = Harness()
    try await failing.run(self.staleRead(.handleStaleFail)) { await $0.untilFinished() }
    #expect(failing.status == .failure)
    #expect(failing.nodeStates()["check"]?.error.contains("stale") == true)

    let waiting = Harness()
    try await waiting.run(self.staleRead(.handleStaleRunUntilFresh)) { await $0.cycle(40) }
    #expect(waiting.status == .running)
    #expect(waiting.results()["check"] == .running)

    let fresh = Harness(configuration: .init(freshnessWindow: .seconds(10)))
    try await fresh.run(self.staleRead(.handleStaleFail)) { await $0.untilFinished() }
    #expect(fresh.status == .success)
  }

  @Test func blackboardVariablesAreScopedAndReportedByTheNodeThatDefinesThem() async throws {
    let tree = Node.define(
      "outer",
      [.entry("x", .int(1))],
      child: .sequence(
        "body",
        [
          .define(
            "inner",
            [.entry("x", .string("shadow")), .entry("copy", .variable("x"))],
            child: .set("set inner", [.entry("x", .string("changed"))])
          ),
          .set("set outer", [.entry("x", .int(2))]),
        ]
      )
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    let states = harness.nodeStates()
    #expect(states["inner"]?.variable("x")?.stringValue == "changed")
    #expect(states["inner"]?.variable("copy")?.intValue == 1)
    #expect(states["outer"]?.variable("x")?.intValue == 2)
    #expect(states["body"]?.blackboard.variables.isEmpty == true)
  }

  @Test func settingAnUndefinedVariableIsAnErrorNamingIt() async throws {
    let harness = Harness()
    try await harness.run(.set("set", [.entry("ghost", .int(1))])) { await $0.cycle() }
    #expect(harness.status == .error)
    #expect(harness.nodeStates()["set"]?.error.contains("'ghost' is not defined") == true)
  }

  @Test func formatBlackboardFillsFieldsPathsAndDecimals() async throws {
    var state = Bosdyn_Api_RobotState()
    state.powerState.locomotionChargePercentage.value = 30.2148320923085
    state.powerState.motorPowerState = .on
    var message = Bosdyn_Api_Mission_ConstantValue()
    message.msgValue = try Google_Protobuf_Any(message: state)
    let tree = Node.define(
      "vars",
      [
        .entry("state", message), .entry("date", .string("2021-05-13")),
        .entry("loop", .int(3)), .entry("x", .float(2.71828)), .entry("out", .string("")),
      ],
      child: .sequence(
        "formats",
        [
          .format(
            "f1",
            key: "out",
            "{date}_loop_{loop}|{x:.0f}|{{literal}}|"
              + "{state.power_state.locomotion_charge_percentage.value:.2f}|"
              + "{state.power_state.locomotion_charge_percentage.value}|"
              + "{state.power_state.motor_power_state}"
          )
        ]
      )
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    #expect(
      harness.nodeStates()["vars"]?.variable("out")?.stringValue
        == "2021-05-13_loop_3|3|{literal}|30.21|30.2148320923085|2"
    )
  }

  @Test func formatOfAnUndefinedVariableIsAnError() async throws {
    let tree = Node.define(
      "vars",
      [.entry("out", .string(""))],
      child: .format("f", key: "out", "{missing}")
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    #expect(harness.status == .error)
    #expect(harness.nodeStates()["f"]?.error.contains("'missing' is not defined") == true)
  }

  @Test func dateToBlackboardWritesTheRobotsWallTimeInUTC() async throws {
    let tree = Node.define(
      "vars",
      [.entry("date", .string(""))],
      child: .sequence(
        "body",
        [.sleep("wait", seconds: 1.5), .make("date") { $0.dateToBlackboard.key = "date" }]
      )
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.untilFinished() }
    // The wall time is pinned to 2023-11-14T22:13:20Z; the date is written 1.5 s later.
    #expect(harness.nodeStates()["vars"]?.variable("date")?.stringValue == "2023-11-14_22-13-21")
    let stamp = harness.controller.state().history.first?.tickStartTimestamp
    #expect(stamp?.seconds == 1_700_000_001 && stamp?.nanos == 500_000_000)
  }

  @Test func createMissionTextIsActiveWhileItsChildRuns() async throws {
    let tree = Node.define(
      "vars",
      [.entry("n", .int(3))],
      child: .sequence(
        "body",
        [
          .make("text") {
            $0.createMissionText.missionText = "waiting {n} s"
            $0.createMissionText.severity = .warn
            $0.createMissionText.child = .sleep("wait", seconds: 0.2)
          }, .sleep("after", seconds: 1),
        ]
      )
    )
    let harness = Harness()
    try await harness.run(tree) { stepper in
      await stepper.cycle()
      let texts = harness.controller.state().activeMissionText
      #expect(texts.map(\.text) == ["waiting 3 s"])
      #expect(texts.first?.severity == .warn)
      #expect(
        texts.first?.nodeID == harness.controller.missionInfo?.root.children[0].children[0].id
      )
      await stepper.cycle(3)
      #expect(harness.controller.state().activeMissionText.isEmpty)
    }
  }

  @Test func robotStateIsWrittenForTheChildAndReadThroughPaths() async throws {
    let environment = RemoteServicesEnvironment(robotState: {
      var state = Bosdyn_Api_RobotState()
      state.powerState.locomotionChargePercentage.value = 15
      return state
    })
    let tree = Node.make("state") {
      $0.bosdynRobotState.serviceName = "robot-state"
      $0.bosdynRobotState.stateName = "state"
      $0.bosdynRobotState.child = .condition(
        "battery low",
        .variable("state.power_state.locomotion_charge_percentage.value", .float),
        .le,
        .constant(.float(20))
      )
    }
    let harness = Harness(environment: environment)
    try await harness.run(tree) { stepper in
      await stepper.cycle()
      #expect(harness.results()["state"] == .running)
      await stepper.cycle()
    }
    #expect(harness.status == .success)
    #expect(
      harness.nodeStates()["state"]?.variable("state")?.msgValue.typeURL.hasSuffix(
        "bosdyn.api.RobotState"
      ) == true
    )
  }

  @Test(arguments: [
    (
      "robot state requests",
      Node.make("n") {
        $0.bosdynRobotState.stateName = "s"
        $0.bosdynRobotState.child = .succeed("c")
      }
    ),
    ("power commands", Node.make("n") { $0.bosdynPowerRequest.request = .on }),
    (
      "robot commands",
      Node.make("n") { $0.bosdynRobotCommand.command.fullBodyCommand.stopRequest = .init() }
    ),
    ("lease retains", Node.make("n") { $0.retainLease.serviceName = "lease" }),
    ("navigation commands", Node.make("n") { $0.bosdynNavigateTo.destinationWaypointID = "w" }),
  ])
  func robotActionsFailClearlyWhenTheEnvironmentLacksThem(_ capability: String, _ node: Node)
    async throws
  {
    let harness = Harness()
    try await harness.run(node, leases: [.body()]) { await $0.untilFinished(limit: 5) }
    #expect(harness.status == .failure)
    #expect(
      harness.nodeStates()["n"]?.error.contains(
        "\(capability) are not available in this environment"
      )
        == true
    )
  }

  @Test func powerRequestSendsTheCommandWithASubleaseAndFollowsFeedback() async throws {
    let robot = ScriptedRobot()
    let harness = Harness(environment: robot)
    try await harness.run(
      Node.make("power on") {
        $0.bosdynPowerRequest.serviceName = "power"
        $0.bosdynPowerRequest.request = .on
      },
      leases: [.body(sequence: [4])]
    ) { await $0.untilFinished(limit: 20) }
    #expect(harness.status == .success)
    let sent = robot.powerCommands
    #expect(sent.count == 1)
    #expect(sent.first?.request == .on)
    #expect(sent.first?.lease.sequence == [4, 0])
    #expect(robot.powerFeedbackRequests == 2)
  }

  @Test func robotCommandSucceedsWhenFeedbackSaysTheCommandIsDone() async throws {
    let robot = ScriptedRobot()
    var command = Bosdyn_Api_RobotCommand()
    command.synchronizedCommand.mobilityCommand.standRequest = .init()
    let harness = Harness(environment: robot)
    try await harness.run(
      Node.make("stand") {
        $0.bosdynRobotCommand.serviceName = "robot-command"
        $0.bosdynRobotCommand.command = command
      },
      leases: [.body()]
    ) { await $0.untilFinished(limit: 20) }
    #expect(harness.status == .success)
    #expect(robot.commandFeedbackRequests == 2)
  }

  @Test func retainLeaseRetainsThePlayLeases() async throws {
    let robot = ScriptedRobot()
    let harness = Harness(environment: robot)
    try await harness.run(
      Node.make("retain") { $0.retainLease.serviceName = "lease" },
      leases: [.body()]
    ) { await $0.untilFinished(limit: 5) }
    #expect(harness.status == .success)
    #expect(robot.retained == ["body"])
  }
}
