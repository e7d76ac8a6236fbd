import BosdynAPI
import Foundation
import SpotSimulator
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `replay-mission`, Boston Dynamics' replay example in Swift, playing missions on the
/// simulated Spot as a user runs it.
@Suite("replay-mission against the simulated Spot")
struct ReplayMissionTests {
  @Test func playsTheHelloWorldMissionToSuccessAndGivesTheLeaseBack() async throws {
    try await TestRobot.with { robot in
      let service = try await robot.startRegisteredHelloWorld()
      let file = try await MissionFiles.helloWorld(userString: "Spot")
      let replay = try await ChildProcess.run(
        try TestEnvironment.executable("replay-mission"),
        robot.replayArguments(file)
      )
      #expect(replay.status == 0, "\(replay.stdout)\n\(replay.stderr)")
      #expect(replay.stdout.hasPrefix("Replaying simple mission \(file) on \(robot.address)\n"))
      #expect(replay.stdout.hasSuffix("Mission status = STATUS_SUCCESS\n"), "\(replay.stdout)")
      for step in ["Powering on the motors", "Robot standing.", "Uploaded mission to robot."] {
        #expect(replay.stderr.contains(step), "\(replay.stderr)")
      }
      #expect(robot.robot.body.isPoweredOn)
      #expect(robot.bodyLeaseIsFree, "the body lease was returned")
      #expect(robot.missionStatus == .success)

      let log = try await service.waitForOutput("Stop unimplemented!", inStderr: true)
      let establish = try #require(log.range(of: "EstablishSession unimplemented!"))
      let greeting = try #require(log.range(of: "Hello Spot!"))
      #expect(establish.upperBound <= greeting.lowerBound, "the session before the tick")
      service.signal(SIGINT)
      #expect(try await service.waitForExit() == 0)
    }
  }

  @Test func withTimeItRestartsTheMissionUntilTheTimeIsUp() async throws {
    try await TestRobot.with { robot in
      let service = try await robot.startRegisteredHelloWorld()
      let file = try await MissionFiles.helloWorld()
      let replay = try await ChildProcess.run(
        try TestEnvironment.executable("replay-mission"),
        robot.replayArguments(file, ["--time", "1.5"])
      )
      #expect(replay.status == 0, "\(replay.stdout)\n\(replay.stderr)")
      let runs = replay.stdout.components(separatedBy: "Mission status = STATUS_SUCCESS").count - 1
      #expect(runs >= 2, "\(replay.stdout)")
      #expect(replay.stderr.contains("Restarting mission"))
      #expect(replay.stderr.contains("Repeating mission for 1.5 seconds."))
      let greetings = service.stderr.components(separatedBy: "Hello World!").count - 1
      #expect(greetings >= runs, "every run ticked the service: \(service.stderr)")
      service.signal(SIGINT)
      _ = try await service.waitForExit()
    }
  }

  @Test func showsRunningNodesAndQuestionsAndBosdynAnswersThem() async throws {
    try await TestRobot.with { robot in
      let replay = try robot.startReplay(try MissionFiles.question())
      let output = try await replay.waitForOutput("Answer with:")
      #expect(output.contains("Running: Root, Ask\n"), "\(output)")
      let match = try #require(
        output.firstMatch(of: #/Question (\d+) from 'answer': "Continue\?"/#)
      )
      let id = String(match.1)
      #expect(output.contains("    0  Yes\n    1  No\n"), "\(output)")
      #expect(output.contains("Answer with: bosdyn \(robot.address) mission answer \(id) CODE"))

      let state = try await robot.bosdyn(["mission", "state"])
      #expect(state.status == 0, "\(state.stderr)")
      for line in [
        "Mission status: STATUS_RUNNING", "Running nodes:  Root, Ask",
        "  Question \(id) from 'answer': \"Continue?\"", "      0  Yes", "      1  No",
      ] {
        #expect(state.stdout.contains(line + "\n"), "\(state.stdout)")
      }
      #expect(state.stdout.contains(#/Tick counter:   \d+\n/#))
      #expect(state.stdout.contains(#/Mission id:     \d+\n/#))

      let unknown = try await robot.bosdyn(["mission", "answer", "999", "0"])
      #expect(unknown.status == 1)
      #expect(
        unknown.stderr.contains(
          "The robot refused the answer (invalidQuestionID): no question 999 is outstanding"
        ),
        "\(unknown.stderr)"
      )
      let wrongCode = try await robot.bosdyn(["mission", "answer", id, "7"])
      #expect(wrongCode.status == 1)
      #expect(wrongCode.stderr.contains("(invalidAnswerCode)"), "\(wrongCode.stderr)")
      #expect(wrongCode.stderr.contains("it takes 0 = Yes, 1 = No"), "\(wrongCode.stderr)")
      let notNumbers = try await robot.bosdyn(["mission", "answer", "first", "yes"])
      #expect(notNumbers.status == 64)
      #expect(notNumbers.stderr.contains("both whole numbers"), "\(notNumbers.stderr)")

      let answered = try await robot.bosdyn(["mission", "answer", id, "1"])
      #expect(answered.status == 0, "\(answered.stderr)")
      #expect(answered.stdout == "Answered question \(id) with 1.\n")
      let again = try await robot.bosdyn(["mission", "answer", id, "1"])
      #expect(again.status == 1)
      #expect(again.stderr.contains("(questionAlreadyAnswered)"), "\(again.stderr)")

      #expect(try await replay.waitForExit() == 0, "\(replay.stdout)\n\(replay.stderr)")
      #expect(replay.stdout.hasSuffix("Running: nothing\nMission status = STATUS_SUCCESS\n"))
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func aFailingMissionPrintsItsStatusAndExitsOne() async throws {
    try await TestRobot.with { robot in
      let replay = try await ChildProcess.run(
        try TestEnvironment.executable("replay-mission"),
        robot.replayArguments(try MissionFiles.failing())
      )
      #expect(replay.status == 1, "\(replay.stderr)")
      #expect(replay.stdout.hasSuffix("Mission status = STATUS_FAILURE\n"), "\(replay.stdout)")
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func aMissionTheRobotRefusesIsOneLineAndTheLeaseIsReturned() async throws {
    try await TestRobot.with { robot in
      // No hello-world service registered: the load fails validation.
      let replay = try await ChildProcess.run(
        try TestEnvironment.executable("replay-mission"),
        robot.replayArguments(try await MissionFiles.helloWorld())
      )
      #expect(replay.status == 1)
      let errors = Self.messages(replay.stderr)
      #expect(errors.count == 1, "\(replay.stderr)")
      #expect(errors.first?.hasPrefix("The robot refused the mission: ") == true, "\(errors)")
      #expect(errors.first?.contains("hello-world-callback") == true, "\(errors)")
      #expect(robot.bodyLeaseIsFree)
    }
  }

  @Test func anEstoppedRobotIsRefusedBeforeTakingTheLease() async throws {
    try await TestRobot.with { robot in
      robot.robot.body.setEstopped(true)
      let replay = try await ChildProcess.run(
        try TestEnvironment.executable("replay-mission"),
        robot.replayArguments(try MissionFiles.failing())
      )
      #expect(replay.status == 1)
      #expect(
        Self.messages(replay.stderr) == [
          "Robot is estopped. Release the estop (for example with an estop client) and try again."
        ]
      )
      #expect(!replay.stderr.contains("Acquiring lease"))
    }
  }

  @Test func badInputIsOneClearLineWithoutUsage() async throws {
    try await TestRobot.with { robot in
      let good = try MissionFiles.failing()
      let closed = "127.0.0.1:\(try FaultPolling.freePort())"
      let cases: [(arguments: [String], status: Int32, message: String)] = [
        (
          robot.replayArguments("/nonexistent/mission.pb"), 1,
          "Unable to find mission file: /nonexistent/mission.pb"
        ),
        (
          robot.replayArguments(try MissionFiles.raw([0x0A, 0xFF])), 1,
          "does not parse as a serialized bosdyn.api.mission.Node"
        ),
        (robot.replayArguments(try MissionFiles.raw([])), 1, "is not a mission: it holds no node"),
        (
          [
            "--robot-ca", robot.caPath, "--username", "user", "--password", "wrong", robot.address,
            "simple", good,
          ], 1, "Username and/or password are invalid."
        ),
        (
          [
            "--robot-ca", robot.caPath, "--username", "user", "--password", "password", closed,
            "simple", good,
          ], 1, "Could not contact robot with hostname \"\(closed)\""
        ),
      ]
      for (arguments, status, message) in cases {
        let result = try await ChildProcess.run(
          try TestEnvironment.executable("replay-mission"),
          arguments
        )
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        let errors = Self.messages(result.stderr)
        #expect(errors.count == 1, "\(arguments): \(result.stderr)")
        #expect(errors.first?.contains(message) == true, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Usage:"), "\(arguments): \(result.stderr)")
      }
      #expect(robot.bodyLeaseIsFree)

      // Numbers out of range are usage errors, before anything else happens.
      for (option, message) in [
        (["--time=-1"], "--time must be a number of seconds, 0 or more (got -1.0)."),
        (["--time", "nan"], "--time must be a number of seconds"),
        (["--time", "soon"], "The value 'soon' is invalid for '--time <seconds>'"),
        (["--mission-timeout", "0.5"], "--mission-timeout must be more than 1.0 seconds"),
      ] {
        let result = try await ChildProcess.run(
          try TestEnvironment.executable("replay-mission"),
          robot.replayArguments(good, option)
        )
        #expect(result.status == 64, "\(option): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(option): \(result.stderr)")
      }
    }
  }

  /// The lines of standard error that are not log lines (`… - INFO - …`).
  static func messages(_ stderr: String) -> [String] {
    stderr.split(separator: "\n").map(String.init).filter {
      $0.firstMatch(of: #/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} - [A-Z]+ - /#) == nil
    }
  }
}
