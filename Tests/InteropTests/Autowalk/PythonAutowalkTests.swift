import AutowalkCompiler
import BosdynAPI
import BosdynRobot
import Foundation
import SpotSimulator
import TestSupport
import Testing

/// Walks played on the simulated Spot by the official Python SDK (GraphNavClient,
/// AutowalkClient, MissionClient, as Boston Dynamics' replay_mission example uses them), with
/// Python callbacks recording what they are called with.
@Suite("Autowalk with the Python SDK as peer")
struct PythonAutowalkTests {
  @Test func aWalkBuiltByBuildWalkIsPlayedAndEachCallbackGetsItsTypedParameters() async throws {
    try await TestRobot.with { robot in
      let callbacks = try await RecordingCallbacks.start(robot, ["inspect:succeed"])
      let directory = TemporaryFiles.temporaryDirectory("built") + "/Gauges.walk"
      let built = try await ChildProcess.run(
        try TestEnvironment.executable("build-walk"),
        [
          directory, "--callback", "inspect:threshold=3:label=left", "--callback",
          "inspect:strict=true", "--callback", "inspect", "--spacing", "0.5", "--robot",
          robot.address,
        ] + robot.credentialArguments.filter { $0 != "--robot-ca" && $0 != robot.caPath }
          + ["--robot-ca", robot.caPath]
      )
      #expect(built.status == 0, "\(built.stderr)")
      #expect(built.stdout.contains("4 waypoints, 3 elements (parameters typed by the robot)"))

      let result = try await robot.playWithPython(directory)
      #expect(result["status"] as? String == "STATUS_SUCCESS", "\(result)")
      #expect((result["questions"] as? [Any])?.isEmpty == true)
      #expect(result["localized_at"] as? String == "waypoint-0")
      #expect(result["final_waypoint"] as? String == "waypoint-3")
      let upload = result["upload"] as? [String: Int]
      #expect(upload == ["unknown_waypoint_snapshots": 4, "unknown_edge_snapshots": 3])
      #expect((result["navigation_ids"] as? [Int])?.count == 3)
      #expect((result["mission_nodes"] as? Int ?? 0) > 30, "Python parsed the loaded mission")

      let ticks = callbacks.ticks("inspect")
      #expect(
        ticks.map { $0["user_string"] as? String } == ["inspect 1", "inspect 2", "inspect 3"]
      )
      let params = ticks.map { $0["params"] as? [String: Any] ?? [:] }
      #expect(params[0]["threshold"] as? Int == 3, "an int, as the callback advertises")
      #expect(params[0]["label"] as? String == "left")
      #expect(params[1]["strict"] as? Bool == true)
      #expect(params[2].isEmpty)
      let groups = Set(ticks.compactMap { $0["group_name"] as? String })
      #expect(groups.count == 1 && groups.first?.hasPrefix("Gauges_") == true, "\(groups)")
      try await callbacks.stop()

      let untyped = TemporaryFiles.temporaryDirectory("untyped")
      let plain = try await ChildProcess.run(
        try TestEnvironment.executable("build-walk"),
        [untyped, "--callback", "inspect:threshold=3"]
      )
      #expect(plain.status == 0, "\(plain.stderr)")
      let walk = try WalkDirectory.read(from: URL(fileURLWithPath: untyped)).walk
      let value = walk.elements[0].action.remoteGrpc.parameters.values.values["threshold"]
      #expect(value?.stringValue.value == "3", "without --robot, parameters are strings")
    }
  }

  @Test func retriesQuestionsAnsweredThroughAnswerQuestionAndPostMissionCallbacksLast()
    async throws
  {
    try await TestRobot.with { robot in
      let callbacks = try await RecordingCallbacks.start(
        robot,
        ["flaky:fail2", "broken:fail", "after:succeed", "upload:succeed", "notify:succeed"]
      )
      let walk = Bosdyn_Api_Autowalk_Walk.walk(
        "Report",
        elements: [
          .element(
            "Flaky",
            at: "waypoint-1",
            action: .callback("flaky"),
            onActionFailure: .proceedIfAble(retries: 1)
          ),
          .element("Broken", at: "waypoint-2", action: .callback("broken")),
          .element("After", at: "waypoint-3", action: .callback("after")),
        ],
        postMissionCallbacks: [.callback("upload"), .callback("notify")]
      )
      let result = try await robot.playWithPython(
        try robot.walkDirectory(walk, waypoints: 4),
        ["--answers", "0,2"]
      )
      #expect(result["status"] as? String == "STATUS_SUCCESS", "\(result)")
      let questions = result["questions"] as? [[String: Any]] ?? []
      #expect(questions.count == 2)
      #expect((questions.first?["text"] as? String)?.hasPrefix("Flaky: its action failed") == true)
      #expect(
        questions.first?["options"] as? [String] == ["Retry", "Skip the action", "Proceed if able"]
      )
      #expect(
        (questions.last?["text"] as? String)?.hasPrefix("Broken: its action failed") == true,
        "\(questions)"
      )
      #expect(
        callbacks.tickLog == [
          "flaky: Flaky", "flaky: Flaky", "flaky: Flaky", "broken: Broken", "after: After",
          "upload: Report", "notify: Report",
        ],
        "two failures, the operator's retry, proceed past Broken, post-mission callbacks last"
      )
      try await callbacks.stop()
    }
  }

  @Test func safePowerOffPowersTheRobotOffAndEndsTheWalk() async throws {
    try await TestRobot.with { robot in
      let callbacks = try await RecordingCallbacks.start(robot, ["broken:fail", "never:succeed"])
      let walk = Bosdyn_Api_Autowalk_Walk.walk(
        "Power off",
        elements: [
          .element(
            "Broken",
            at: "waypoint-1",
            action: .callback("broken"),
            onActionFailure: .safePowerOff()
          ),
          .element("Never", at: "waypoint-2", action: .callback("never")),
        ]
      )
      let result = try await robot.playWithPython(
        try robot.walkDirectory(walk, waypoints: 3),
        ["--answers", "2"]
      )
      #expect(result["status"] as? String == "STATUS_FAILURE", "\(result)")
      let questions = result["questions"] as? [[String: Any]] ?? []
      #expect((questions.first?["options"] as? [String])?.last == "Safe power off")
      try await waitUntil("the motors off") { robot.robot.body.motorPowerState == .stateOff }
      #expect(callbacks.ticks("never").isEmpty)
      try await callbacks.stop()
    }
  }

  @Test func periodicPlaybackRepeatsTheWalk() async throws {
    try await TestRobot.with { robot in
      let callbacks = try await RecordingCallbacks.start(robot, ["inspect:succeed"])
      let walk = Bosdyn_Api_Autowalk_Walk.walk(
        "Rounds",
        playback: .periodically(every: .seconds(1), repetitions: 3),
        elements: [.element("Gauge", at: "waypoint-1", action: .callback("inspect"))]
      )
      let result = try await robot.playWithPython(try robot.walkDirectory(walk, waypoints: 2))
      #expect(result["status"] as? String == "STATUS_SUCCESS", "\(result)")
      let groups = callbacks.ticks("inspect").compactMap { $0["group_name"] as? String }
      #expect(groups.count == 3)
      #expect(Set(groups).count == 3, "each playback groups its data apart: \(groups)")
      try await callbacks.stop()
    }
  }
}
