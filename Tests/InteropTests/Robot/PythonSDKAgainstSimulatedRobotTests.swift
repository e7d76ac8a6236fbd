import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynRobot
import SpotSimulator
import Foundation
import Testing
import TestSupport

/// The official Python SDK (bosdyn-client 5.2.0) used as a user would against the simulated
/// Spot: TLS with the simulator's CA, login, time sync, directory, the proxy to a Swift
/// service, leases and power, and its directory keep-alive registering a Python service.
@Suite("Python SDK against the simulated Spot")
struct PythonSDKAgainstSimulatedRobotTests {
  @Test func itLogsInSyncsListsAndTicksTheSwiftServiceThroughTheProxy() async throws {
    try await TestRobot.with { robot in
      let service = try await robot.startRegisteredHelloWorld()
      let result = try await robot.runPython(
        "python_robot_tour.py",
        ["--service", "hello-world-callback", "--user-string", "Python"]
      )
      #expect(result["error"] == nil, "\(result)")
      #expect(result["authenticated"] as? Bool == true)
      #expect(result["serial"] as? String == "spot-sim-0001")
      #expect(result["time_synced"] as? Bool == true)
      let skew = try #require(result["skew_seconds"] as? Double)
      #expect(abs(skew) < 0.05, "same host, so the clocks agree: skew \(skew) s")
      let directory = try #require(result["directory"] as? [String])
      #expect(directory.contains("hello-world-callback"))
      #expect(directory.contains("lease") && directory.contains("time-sync"))
      #expect(result["tick_status"] as? String == "STATUS_SUCCESS")
      service.signal(SIGINT)
      #expect(try await service.waitForExit() == 0)
      #expect(service.stderr.contains("Hello Python!"), "\(service.stderr)")
    }
  }

  @Test func itsLeaseAndPowerHelpersPowerTheRobotOnAndSafelyOff() async throws {
    try await TestRobot.with { robot in
      let result = try await robot.runPython("python_power_cycle.py")
      #expect(result["error"] == nil, "\(result)")
      #expect(result["leases"] as? [String] == ["body", "mobility", "full-arm", "arm", "gripper"])
      #expect(result["powered_on"] as? Bool == true)
      #expect(result["powered_off"] as? Bool == true)
      #expect(result["returned"] as? Bool == true)
      #expect(!robot.robot.body.isPoweredOn)
    }
  }

  @Test func itsDirectoryKeepAliveRegistersAServiceTheSwiftClientReachesThroughTheRobot()
    async throws
  {
    try await TestRobot.with { robot in
      let python = try ChildProcess(
        try TestEnvironment.python,
        [TestEnvironment.script("python_registered_servicer.py")] + robot.pythonArguments
          + ["--name", "python-countdown", "--authority", "python-countdown"]
      )
      defer { python.closeStdin() }
      try await python.waitForOutput("REGISTERED python-countdown")

      let address = try RobotAddress(parsing: robot.address)
      try await withRobotConnection(
        to: address,
        configuration: .init(certificateAuthorityPath: robot.caPath)
      ) { connection in
        try await connection.authenticate(username: "user", password: "password")
        let client = try await connection.remoteMissionClient(serviceName: "python-countdown")
        let session = try await client.establishSession()
        var statuses: [String] = []
        for _ in 0..<3 {
          statuses.append(try await client.tick(sessionID: session).status.protoName)
        }
        #expect(statuses == ["STATUS_RUNNING", "STATUS_RUNNING", "STATUS_SUCCESS"])
        let unknown = await #expect(throws: ClientError.self) {
          try await client.tick(sessionID: "no-such-session")
        }
        #expect(unknown?.code == .invalidSessionID)
      }
      python.closeStdin()
      #expect(try await python.waitForExit() == 0, "\(python.stderr)")
      #expect(robot.robot.registry.entry(named: "python-countdown") == nil, "unregistered at exit")
    }
  }

  @Test func aWrongPasswordIsTheSDKsInvalidLoginError() async throws {
    try await TestRobot.with { robot in
      let result = try await robot.runPython(
        "python_robot_tour.py",
        ["--password", "wrong", "--password-only"]
      )
      #expect(result["error"] as? String == "InvalidLoginError", "\(result)")
    }
  }
}
