import BosdynAPI
import Foundation
import SpotSimulator
import Testing
import TestSupport

/// The document's robot-mode programs, as a user runs them, against the simulated Spot.
@Suite("Robot-mode programs against the simulated Spot")
struct SwiftProgramsAgainstSimulatedRobotTests {
  @Test func theClientTicksHelloWorldThroughTheRobot() async throws {
    try await TestRobot.with { robot in
      let service = try await robot.startRegisteredHelloWorld()
      #expect(service.stderr.contains("hello-world-callback service registered/updated."))
      let result = try await ChildProcess.run(
        try TestEnvironment.executable("remote-mission-client"),
        ["--hello-world", "--user-string", "Spot", "robot"] + robot.credentialArguments
          + [robot.address]
      )
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == "Servicer stopped with status STATUS_SUCCESS\n")

      service.signal(SIGINT)
      #expect(try await service.waitForExit() == 0)
      #expect(service.stderr.contains("Hello Spot!"))
      #expect(robot.robot.registry.entry(named: "hello-world-callback") == nil, "unregistered")
    }
  }

  @Test func thePowerOffServicePowersTheRobotOffWithTheClientsLease() async throws {
    try await TestRobot.with { robot in
      let service = try await robot.startRegisteredPowerOff()
      let result = try await ChildProcess.run(
        try TestEnvironment.executable("remote-mission-client"),
        ["--power-off", "--user-string", "Power off node", "robot"] + robot.credentialArguments
          + [robot.address]
      )
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == "Servicer stopped with status STATUS_SUCCESS\n")
      #expect(result.stderr.contains("Powering the motors on."))
      #expect(!robot.robot.body.isPoweredOn, "the service powered the robot off")
      let leases = robot.robot.leases.list(includeFullLeaseInfo: false).resources
      #expect(
        leases.allSatisfy { !$0.hasLeaseOwner || $0.leaseOwner.clientName.isEmpty },
        "the client returned the body lease: \(leases)"
      )

      service.signal(SIGTERM)
      #expect(try await service.waitForExit() == 0)
      #expect(service.stderr.contains("Ticked by node \"Power off node\""), "\(service.stderr)")
    }
  }

  @Test func spotSimPrintsItsCAAndAddressAndStopsOnSIGTERM() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spot-sim-cli-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let sim = try ChildProcess(
      try TestEnvironment.executable("spot-sim"),
      ["--port", "0", "--data-dir", directory]
    )
    let output = try await sim.waitForOutput("Listening on 127.0.0.1:")
    #expect(output.hasPrefix("CA certificate: \(directory)/ca.pem\n"), "\(output)")
    #expect(FileManager.default.fileExists(atPath: directory + "/ca.pem"))
    let port = try #require(
      output.split(separator: "\n").last.flatMap { $0.split(separator: ":").last }
        .flatMap { Int($0) }
    )

    let id = try await ChildProcess.run(
      try TestEnvironment.executable("bosdyn"),
      ["--robot-ca", directory + "/ca.pem", "127.0.0.1:\(port)", "id"]
    )
    #expect(id.status == 0, "\(id.stderr)")
    #expect(id.stdout.contains("spot-sim-0001"), "\(id.stdout)")

    sim.signal(SIGTERM)
    #expect(try await sim.waitForExit() == 0, "\(sim.stderr)")
  }
}
