import BosdynAPI
import BosdynCore
import BosdynRobot
import ServiceLifecycle
import TestSupport
import Testing

@Suite("DirectoryRegistrationKeepAlive against the simulated robot")
struct DirectoryRegistrationKeepAliveTests {
  static func registration(name: String = "keep-alive-test", port: Int = 50_999)
    -> DirectoryRegistrationKeepAlive.Registration
  {
    .init(
      name: name,
      authority: "\(name).spot.robot",
      host: "127.0.0.1",
      port: port,
      livenessTimeout: .seconds(5)
    )
  }

  static let fast = DirectoryRegistrationKeepAlive.Configuration(
    interval: .milliseconds(200),
    retryInterval: .milliseconds(100),
    rpcTimeout: .seconds(2)
  )

  /// Runs keep-alives in a service group until `body` returns, then shuts them down gracefully.
  static func running(
    _ services: [DirectoryRegistrationKeepAlive],
    _ body: () async throws -> Void
  ) async throws {
    let group = ServiceGroup(
      configuration: .init(services: services, logger: quietLogger("group"))
    )
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      do {
        try await body()
      } catch {
        await group.triggerGracefulShutdown()
        throw error
      }
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
    }
  }

  static func waitForEntry(
    _ name: String,
    in directory: DirectoryClient,
    present: Bool = true
  ) async throws -> Bosdyn_Api_ServiceEntry? {
    // List errors count as "not yet": the connection may still be coming back after the
    // robot (re)started.
    let found = try await eventually("\(name) to be \(present ? "listed" : "gone")") {
      () -> Bosdyn_Api_ServiceEntry?? in
      let entry = try await directory.list().first { $0.name == name }
      return (entry != nil) == present ? .some(entry) : nil
    }
    return found
  }

  @Test("registers at once, updates an existing entry, unregisters on graceful shutdown")
  func registerUpdateUnregister() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let directory = DirectoryClient(connection: robot)
      // A stale entry from a previous run of the service, on another port.
      try await DirectoryRegistrationClient(connection: robot).register(
        DirectoryRegistrationKeepAlive(
          connection: robot,
          registration: Self.registration(port: 40_000)
        ).entry,
        host: "127.0.0.1",
        port: 40_000
      )

      let keepAlive = DirectoryRegistrationKeepAlive(
        connection: robot,
        registration: Self.registration(),
        configuration: Self.fast,
        logger: quietLogger("keep-alive")
      )
      try await Self.running([keepAlive]) {
        let entries = try await directory.list().filter { $0.name == "keep-alive-test" }
        #expect(entries.count <= 1)
        let entry = try #require(try await Self.waitForEntry("keep-alive-test", in: directory))
        #expect(entry.authority == "keep-alive-test.spot.robot")
        #expect(entry.type == "bosdyn.api.mission.RemoteMissionService")
        // The robot forgets the entry: the next heartbeat registers it again.
        try await DirectoryRegistrationClient(connection: robot).unregister(name: "keep-alive-test")
        try #require(try await Self.waitForEntry("keep-alive-test", in: directory) != nil)
      }
      #expect(try await Self.waitForEntry("keep-alive-test", in: directory, present: false) == nil)
    }
  }

  @Test("registration is direct: register, update, unregister with distinct errors")
  func registrationClient() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let client = DirectoryRegistrationClient(connection: robot)
      let entry = DirectoryRegistrationKeepAlive(
        connection: robot,
        registration: Self.registration(name: "direct")
      ).entry
      try await client.register(entry, host: "127.0.0.1", port: 50_001)
      let exists = await #expect(throws: ClientError.self) {
        try await client.register(entry, host: "127.0.0.1", port: 50_001)
      }
      #expect(exists?.code == .alreadyExists)
      try await client.update(entry, host: "127.0.0.1", port: 50_002)
      try await client.unregister(name: "direct")
      let missing = await #expect(throws: ClientError.self) {
        try await client.unregister(name: "direct")
      }
      #expect(missing?.code == .nonexistentService)
      let missingUpdate = await #expect(throws: ClientError.self) {
        try await client.update(entry, host: "127.0.0.1", port: 50_002)
      }
      #expect(missingUpdate?.code == .nonexistentService)
    }
  }
}
