import BosdynAPI
import Foundation
import SpotSimulator
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `remote-mission-client` stopped by a signal mid-session cleans up as the robot's mission
/// service does when a mission stops: the callback gets Stop and TeardownSession, and the body
/// lease goes back to the robot instead of waiting to expire.
@Suite("remote-mission-client interrupted mid-session")
struct ClientInterruptionTests {
  @Test(arguments: [SIGINT, SIGTERM])
  func aSessionInterruptedMidTickIsStoppedTornDownAndItsLeaseReturned(signal: Int32) async throws {
    try await TestRobot.with { robot in
      // The power-off client's callback, answering RUNNING for ever: only the signal ends it.
      let callback = try await PythonCallback.start(
        robotArguments: robot.pythonArguments,
        name: "power-off-callback",
        runningTicks: -1
      )
      defer { callback.process.closeStdin() }
      let client = try ChildProcess(
        try TestEnvironment.executable("remote-mission-client"),
        ["--power-off", "robot", robot.address] + robot.credentialArguments
      )
      let ticking = try await callback.waitForCalls("three ticks") {
        $0.count { $0.rpc == "Tick" } >= 3
      }
      let session = try #require(ticking.first { $0.rpc == "EstablishSession" }?.newSessionID)
      client.signal(signal)
      let status = try await client.waitForExit(timeout: .seconds(10))
      let name = signal == SIGINT ? "SIGINT" : "SIGTERM"
      #expect(status == 128 + signal, "\(client.stderr)")
      #expect(client.stderr.contains("Interrupted by \(name)."), "\(client.stderr)")
      #expect(client.stdout.contains("Interrupted: stopping the session."), "\(client.stdout)")

      let calls = try await callback.waitForCalls("Stop and TeardownSession") {
        $0.contains { $0.rpc == "TeardownSession" }
      }
      #expect(
        calls.filter { $0.rpc != "Tick" }.map(\.rpc) == [
          "EstablishSession", "Stop", "TeardownSession",
        ],
        "\(calls.map(\.rpc))"
      )
      #expect(
        calls.filter { $0.rpc == "Stop" || $0.rpc == "TeardownSession" }.allSatisfy {
          $0.sessionID == session
        }
      )
      let body = robot.robot.leases.list(includeFullLeaseInfo: false).resources.first {
        $0.resource == "body"
      }
      #expect(body?.leaseOwner.clientName.isEmpty ?? true, "returned, not left to expire")
      // The motors the client powered on stay on, as with the Python example's Ctrl+C.
      #expect(robot.robot.body.isPoweredOn)
      try await callback.stop()
    }
  }
}
