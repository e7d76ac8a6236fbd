import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import TestSupport
import Testing

/// Routing faults: a call for a service nobody registered, and for a registered
/// service that is down. The robot's proxy answers each with the status the Python SDK maps
/// to its own error class, and the Swift client says which service it could not reach.
@Suite("Robot faults: unregistered and unreachable services")
struct RobotFaultRoutingTests {
  @Test func anUnknownServiceNameFailsTheDirectoryLookupClearly() async throws {
    try await TestRobot.with { robot in
      try await robot.withConnection { connection in
        let error = await #expect(throws: ClientError.self) {
          _ = try await connection.remoteMissionClient(serviceName: "no-such-service")
        }
        #expect(error?.code == .nonexistentService, "\(String(describing: error))")
        #expect(
          error?.message.contains("no service named 'no-such-service'") == true,
          "\(String(describing: error))"
        )
      }
    }
  }

  @Test func aCallToAnAuthorityNobodyRegisteredIs502Unavailable() async throws {
    try await TestRobot.with { robot in
      try await robot.withConnection { connection in
        let client = RemoteMissionClient(
          wrapping: try connection.grpcClient(authority: "nobody.spot.robot"),
          timeout: .seconds(5)
        )
        let error = await #expect(throws: ClientError.self) {
          _ = try await client.serviceInfo()
        }
        #expect(error?.code == .unavailable, "\(String(describing: error))")
        #expect(error?.message.contains("502") == true, "\(String(describing: error))")
        #expect(
          error?.message.contains("nobody.spot.robot") == true,
          "\(String(describing: error))"
        )
      }
    }
  }

  @Test func pythonSeesAnUnregisteredAuthorityAsServiceUnavailableError() async throws {
    try await TestRobot.with { robot in
      let result = try await robot.runPython(
        "fault_remote_call.py",
        ["--authority", "nobody.spot.robot"]
      )
      #expect(result["error"] as? String == "ServiceUnavailableError", "\(result)")
    }
  }

  @Test func aRegisteredServiceThatIsDownIsAProxyConnectionFailure() async throws {
    try await TestRobot.with { robot in
      let closedPort = try FaultPolling.freePort()
      try await robot.withConnection { connection in
        var entry = Bosdyn_Api_ServiceEntry()
        entry.name = "fault-down"
        entry.type = "bosdyn.api.mission.RemoteMissionService"
        entry.authority = "fault-down"
        entry.userTokenRequired = true
        try await DirectoryRegistrationClient(connection: connection)
          .register(entry, host: "127.0.0.1", port: closedPort)

        let client = try await connection.remoteMissionClient(
          serviceName: "fault-down",
          timeout: .seconds(5)
        )
        let error = await #expect(throws: ClientError.self) {
          _ = try await client.tick(sessionID: "")
        }
        #expect(error?.code == .unavailable, "\(String(describing: error))")
        #expect(
          error?.message.contains("Failed to connect to remote host") == true,
          "\(String(describing: error))"
        )
        #expect(error?.message.contains("\(closedPort)") == true, "\(String(describing: error))")
      }

      let result = try await robot.runPython(
        "fault_remote_call.py",
        ["--authority", "fault-down.spot.robot"]
      )
      #expect(result["error"] as? String == "ProxyConnectionError", "\(result)")
    }
  }
}
