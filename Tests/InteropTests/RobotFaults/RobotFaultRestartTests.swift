import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Availability faults: the robot restarts under a running service, or is not up yet
/// when the service starts. The service must neither exit nor crash, must say what is wrong,
/// and must be registered again soon after the robot is back. Serialized: each test reuses a
/// fixed port for the second robot.
@Suite("Robot faults: robot restarted or unreachable", .serialized)
struct RobotFaultRestartTests {
  @Test func servicesReRegisterAfterTheRobotRestartsAndClientsRecover() async throws {
    let dataDirectory = TemporaryFiles.temporaryDirectory("fault-restart")
    defer { TemporaryFiles.remove(dataDirectory) }
    let spotSim = try TestEnvironment.executable("spot-sim")
    let firstSim = try ChildProcess(spotSim, ["--port", "0", "--data-dir", dataDirectory])
    let listening = try await firstSim.waitForOutput("Listening on 127.0.0.1:")
    let port = try #require(FaultPolling.port(after: "Listening on", in: listening))
    let address = "127.0.0.1:\(port)"
    let credentials = [
      "--robot-ca", dataDirectory + "/ca.pem", "--username", "user", "--password", "password",
    ]

    let service = try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + credentials + [address]
    )
    try await service.waitForOutput("Starting directory registration loop", inStderr: true)

    // A client that was connected before the restart uses the same connection after it.
    let secondSim = try await withRobotConnection(
      to: RobotAddress(parsing: address),
      configuration: .init(
        certificateAuthorityPath: dataDirectory + "/ca.pem",
        callTimeout: .seconds(2),
        environment: [:]
      )
    ) { connection in
      try await connection.authenticate(username: "user", password: "password")
      let before = try await connection.remoteMissionClient(serviceName: "hello-world-callback")
      #expect(try await before.tick(sessionID: "").status == .success)

      firstSim.signal(SIGTERM)
      #expect(try await firstSim.waitForExit() == 0, "\(firstSim.stderr)")

      // The same robot (same port and data directory: same CA and token key) comes back.
      let secondSim = try await eventually("spot-sim to listen on \(port) again") {
        () async throws -> ChildProcess? in
        let sim = try ChildProcess(spotSim, ["--port", "\(port)", "--data-dir", dataDirectory])
        if (try? await sim.waitForOutput("Listening on", timeout: .seconds(5))) != nil {
          return sim
        }
        sim.signal(SIGKILL)
        return nil
      }
      _ = try await eventually(
        "hello-world-callback to register with the restarted robot",
        timeout: .seconds(10)
      ) {
        try await DirectoryClient(connection: connection).list()
          .first { $0.name == "hello-world-callback" }
      }
      // The callback's own channel reconnects too (after a backoff of its own).
      let after = try await connection.remoteMissionClient(serviceName: "hello-world-callback")
      let status = try await eventually("a tick through the restarted robot", timeout: .seconds(10))
      {
        try await after.tick(sessionID: "").status
      }
      #expect(status == .success)
      return secondSim
    }
    #expect(service.process.isRunning, "the service never exited: \(service.stderr)")

    let result = try await ChildProcess.run(
      try TestEnvironment.executable("remote-mission-client"),
      ["--hello-world", "--user-string", "Restart", "robot"] + credentials + [address]
    )
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("STATUS_SUCCESS"), "\(result.stdout)")
    #expect(service.stderr.contains("Hello Restart!"))

    service.signal(SIGINT)
    #expect(try await service.waitForExit() == 0, "\(service.stderr)")
    secondSim.signal(SIGTERM)
    #expect(try await secondSim.waitForExit() == 0, "\(secondSim.stderr)")
  }

  @Test func aServiceStartedBeforeItsRobotWarnsRetriesAndRegistersOnceItIsUp() async throws {
    let dataDirectory = TemporaryFiles.temporaryDirectory("fault-late-robot")
    defer { TemporaryFiles.remove(dataDirectory) }
    let port = try FaultPolling.freePort()
    // Creating the robot writes its CA (the service must trust it) but listens on nothing yet.
    let robot = try await SimulatedRobot(
      configuration: .init(port: port, dataDirectory: dataDirectory)
    )
    let address = "127.0.0.1:\(port)"

    let service = try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      [
        "robot", "--host-ip", "127.0.0.1", "--port", "0", "--robot-ca", robot.caCertificatePath,
        "--username", "user", "--password", "password", address,
      ]
    )
    try await service.waitForOutput(
      "Cannot reach the robot at \(address) to log in",
      inStderr: true
    )
    #expect(service.process.isRunning, "\(service.stderr)")
    #expect(!service.stderr.contains("registered/updated"))

    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await robot.run() }
      defer { group.cancelAll() }
      let entry = try await eventually(
        "hello-world-callback to register once the robot is up",
        timeout: .seconds(10)
      ) {
        robot.registry.entry(named: "hello-world-callback")
      }
      #expect(entry.authority == "hello-world-callback.spot.robot")
      try await service.waitForOutput("registered/updated", inStderr: true, timeout: .seconds(5))
      #expect(service.stderr.contains("Logged in to \(address) after"), "\(service.stderr)")
      service.signal(SIGINT)
      #expect(try await service.waitForExit() == 0, "\(service.stderr)")
      #expect(robot.registry.entry(named: "hello-world-callback") == nil, "unregistered")
    }
  }
}
