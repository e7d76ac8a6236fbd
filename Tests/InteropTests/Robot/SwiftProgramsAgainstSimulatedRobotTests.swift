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

  @Test func bosdynListsTheDirectoryAndExplainsBadCredentialsAndAddresses() async throws {
    try await TestRobot.with { robot in
      let bosdyn = try TestEnvironment.executable("bosdyn")
      // Options before or after ROBOT, as with the Python command line.
      let list = try await ChildProcess.run(
        bosdyn,
        robot.credentialArguments + [robot.address, "dir", "list"]
      )
      #expect(list.status == 0, "\(list.stderr)")
      #expect(list.stdout.contains("directory-registration"), "\(list.stdout)")
      let leases = try await ChildProcess.run(
        bosdyn,
        [robot.address, "lease", "list"] + robot.credentialArguments
      )
      #expect(leases.status == 0, "\(leases.stderr)")
      #expect(leases.stdout.contains("body"), "\(leases.stdout)")

      let wrong = try await ChildProcess.run(
        bosdyn,
        ["--robot-ca", robot.caPath, "--username", "user", "--password", "wrong"]
          + [robot.address, "dir", "list"]
      )
      #expect(wrong.status == 1)
      #expect(wrong.stderr.contains("Username and/or password are invalid."), "\(wrong.stderr)")

      // A malformed address is a usage error (exit 64), before any connection.
      let malformed = try await ChildProcess.run(bosdyn, ["127.0.0.1:99999", "id"])
      #expect(malformed.status == 64, "\(malformed.stderr)")
      #expect(malformed.stderr.contains("99999"), "\(malformed.stderr)")
      let noCommand = try await ChildProcess.run(bosdyn, [robot.address])
      #expect(noCommand.status == 64)
      #expect(noCommand.stderr.contains("Need a command"), "\(noCommand.stderr)")
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
