import BosdynCore
import BosdynRobot
import TestSupport
import Testing

@Suite("Shutting a robot connection down")
struct RobotConnectionShutdownTests {
  /// A robot that accepts TCP and never answers TLS: the transport's graceful close waits for
  /// the connection attempt (40 to 90 seconds here), so without the grace period a program that
  /// gave up on such a robot, or was interrupted, could not exit.
  @Test func aConnectionStuckInTheHandshakeIsCancelledAfterTheGracePeriod() async throws {
    let silent = try SilentListener()
    try await TestRobot.with { robot in
      let configuration = RobotConnection.Configuration(
        certificateAuthorityPath: robot.caPath,
        clientName: "shutdown-test",
        callTimeout: .milliseconds(500),
        environment: [:],
        shutdownGracePeriod: .milliseconds(500)
      )
      let clock = ContinuousClock()
      let start = clock.now
      let error = await #expect(throws: ClientError.self) {
        try await withRobotConnection(
          to: RobotAddress(parsing: "127.0.0.1:\(silent.port)"),
          configuration: configuration
        ) { connection in
          try await connection.authenticate(username: "user", password: "password")
        }
      }
      #expect(error?.code == .timedOut)
      let elapsed = clock.now - start
      #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
  }
}
