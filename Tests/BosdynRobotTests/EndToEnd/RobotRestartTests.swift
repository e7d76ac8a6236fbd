import Logging
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import ServiceLifecycle
import SpotSimulator
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite("Registration keep-alive across robot restarts")
struct RobotRestartTests {
  /// A loopback port that was free a moment ago, so two robots in a row can use the same one.
  static func freePort() throws -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sockaddr in
        bind(fd, sockaddr, length) == 0 && getsockname(fd, sockaddr, &length) == 0
      }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Runs a simulated robot while `body` runs, then stops it abruptly (like a power cut).
  static func whileRunning<Result: Sendable>(
    _ simulator: SimulatedRobot,
    _ body: () async throws -> Result
  ) async throws -> Result {
    try await withThrowingTaskGroup(of: Void.self, returning: Result.self) { group in
      group.addTask { try await simulator.run() }
      defer { group.cancelAll() }
      _ = try await simulator.listeningPort()
      return try await body()
    }
  }

  @Test("starts while the robot is down, registers once it is up, and again after a restart")
  func reRegistersAfterRestart() async throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bosdyn-restart-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let configuration = SimulatedRobot.Configuration(
      host: "127.0.0.1",
      port: try Self.freePort(),
      dataDirectory: directory,
      users: ["user": "password"]
    )
    let first = try await SimulatedRobot(configuration: configuration, logger: quietLogger("sim"))
    let name = "restart-test"
    let (keepAliveLogger, keepAliveLog) = TestLogging.capturing("keep-alive", level: .warning)
    var keepAliveConfiguration = DirectoryRegistrationKeepAliveTests.fast
    keepAliveConfiguration.warningEvery = 1

    try await withRobotConnection(
      to: RobotAddress(host: "127.0.0.1", port: configuration.port),
      configuration: .init(certificateAuthorityPath: first.caCertificatePath),
      logger: quietLogger("robot")
    ) { robot in
      let keepAlive = DirectoryRegistrationKeepAlive(
        connection: robot,
        registration: .init(
          name: name,
          authority: "\(name).spot.robot",
          host: "127.0.0.1",
          port: 50_123
        ),
        configuration: keepAliveConfiguration,
        logger: keepAliveLogger
      )
      let services = ServiceGroup(
        configuration: .init(services: [keepAlive], logger: quietLogger("group"))
      )
      let lookup = DirectoryClient(connection: robot)

      try await withThrowingTaskGroup(of: Void.self) { group in
        // The robot is not up yet: the keep-alive keeps retrying.
        group.addTask { try await services.run() }
        try await waitUntil("two refused registrations") {
          keepAliveLog.count(containing: "Could not register") >= 2
        }

        try await Self.whileRunning(first) {
          try await robot.authenticate(username: "user", password: "password")
          #expect(
            try await DirectoryRegistrationKeepAliveTests.waitForEntry(name, in: lookup) != nil
          )
        }

        // Down for a while (the keep-alive fails again), then back with an empty directory.
        let failedBefore = keepAliveLog.count(containing: "Could not register")
        try await waitUntil("a refused registration while the robot is down") {
          keepAliveLog.count(containing: "Could not register") > failedBefore
        }
        let second = try await SimulatedRobot(
          configuration: configuration,
          logger: quietLogger("sim")
        )
        try await Self.whileRunning(second) {
          let entry = try await DirectoryRegistrationKeepAliveTests.waitForEntry(name, in: lookup)
          #expect(entry?.authority == "\(name).spot.robot")
          await services.triggerGracefulShutdown()
          try await group.waitForAll()
          #expect(
            try await DirectoryRegistrationKeepAliveTests.waitForEntry(
              name,
              in: lookup,
              present: false
            ) == nil
          )
        }
      }
    }
  }
}
