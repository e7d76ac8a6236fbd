import Logging
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

/// Registration faults: a restarted service (gracefully or killed) must leave one
/// up-to-date directory entry, and a second service claiming an authority and type another
/// holds must be refused with a status that says who holds it.
@Suite("Robot faults: restarted and clashing services")
struct RobotFaultRegistrationTests {
  static let helloWorld = "hello-world-callback"

  @Test func aRestartedServiceUpdatesItsEntryInsteadOfDuplicatingIt() async throws {
    try await TestRobot.with { robot in
      // Stopped gracefully: the entry goes, and the next start registers afresh.
      let first = try await Self.startRegisteredHelloWorld(robot)
      #expect(Self.helloWorldPorts(robot) == [first.port])
      first.child.signal(SIGINT)
      #expect(try await first.child.waitForExit() == 0, "\(first.child.stderr)")
      #expect(Self.helloWorldPorts(robot) == [], "unregistered on SIGINT")

      let second = try await Self.startRegisteredHelloWorld(robot)
      #expect(Self.helloWorldPorts(robot) == [second.port])
      try await Self.expectTickReaches(second.child, through: robot)

      // Killed: the entry stays behind, and the next start updates it to its own port.
      second.child.signal(SIGKILL)
      _ = try await second.child.waitForExit()
      #expect(Self.helloWorldPorts(robot) == [second.port], "nobody unregistered it")

      let third = try await Self.startRegisteredHelloWorld(robot)
      #expect(third.port != second.port)
      #expect(Self.helloWorldPorts(robot) == [third.port], "updated, not duplicated")
      try await Self.expectTickReaches(third.child, through: robot)
      third.child.signal(SIGINT)
      #expect(try await third.child.waitForExit() == 0)
    }
  }

  @Test func aKilledServiceRestartedOnTheSamePortTakesItsEntryOverAtOnce() async throws {
    try await TestRobot.with { robot in
      let first = try await Self.startRegisteredHelloWorld(robot)
      first.child.signal(SIGKILL)
      _ = try await first.child.waitForExit()

      // Restarted at once on the same port: the dead process's entry is still fresh, and what
      // answers at its address now is the new process itself, which must not refuse itself.
      let second = try ChildProcess(
        try TestEnvironment.executable("hello-world-mission-service"),
        ["robot", "--host-ip", "127.0.0.1", "--port", String(first.port)]
          + robot.credentialArguments + [robot.address]
      )
      _ = try await second.waitForOutput(
        "Starting directory registration loop",
        inStderr: true,
        timeout: .seconds(30)
      )
      #expect(!second.stderr.contains("Could not register"), "\(second.stderr)")
      #expect(Self.helloWorldPorts(robot) == [first.port], "one entry, still at that port")
      try await Self.expectTickReaches(second, through: robot)
      second.signal(SIGINT)
      #expect(try await second.waitForExit() == 0, "\(second.stderr)")
    }
  }

  @Test func aSecondServiceWithTheSameAuthorityAndTypeIsRefused() async throws {
    try await TestRobot.with { robot in
      try await robot.withConnection { connection in
        let registration = DirectoryRegistrationClient(connection: connection)
        try await registration.register(
          Self.entry("fault-holder", authority: "fault-shared"),
          host: "127.0.0.1",
          port: 50001
        )
        let error = await #expect(throws: ClientError.self) {
          try await registration.register(
            Self.entry("fault-intruder", authority: "fault-shared"),
            host: "127.0.0.1",
            port: 50002
          )
        }
        #expect(error?.code == .alreadyExists, "\(String(describing: error))")
        #expect(error?.message.contains("fault-holder") == true, "\(String(describing: error))")
      }
      #expect(robot.robot.registry.entry(named: "fault-intruder") == nil)
      #expect(robot.robot.registry.endpoint(named: "fault-holder")?.port == 50001)
    }
  }

  @Test func aKeepAliveRefusedForAnAuthorityInUseKeepsTryingWithoutDisturbingTheHolder()
    async throws
  {
    try await TestRobot.with { robot in
      try await robot.withConnection { connection in
        let registration = DirectoryRegistrationClient(connection: connection)
        try await registration.register(
          Self.entry("fault-holder", authority: "fault-shared"),
          host: "127.0.0.1",
          port: 50001
        )
        let (intruderLogger, intruderLog) = TestLogging.capturing("intruder", level: .warning)
        let keepAlive = DirectoryRegistrationKeepAlive(
          connection: connection,
          registration: .init(
            name: "fault-intruder",
            authority: "fault-shared",
            host: "127.0.0.1",
            port: 50002
          ),
          configuration: .init(
            retryInterval: .milliseconds(100),
            rpcTimeout: .seconds(2),
            warningEvery: 1
          ),
          logger: intruderLogger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { try await keepAlive.run() }
          defer { group.cancelAll() }
          // A few refused attempts: the holder keeps its entry, the intruder gets none.
          try await waitUntil("three refused attempts") {
            intruderLog.count(containing: "Could not register") >= 3
          }
          #expect(robot.robot.registry.entry(named: "fault-intruder") == nil)
          #expect(robot.robot.registry.endpoint(named: "fault-holder")?.port == 50001)

          // Once the authority is free, the retrying keep-alive registers by itself.
          try await registration.unregister(name: "fault-holder")
          let port = try await eventually(
            "the keep-alive to register once the authority is free",
            timeout: .seconds(5)
          ) {
            robot.robot.registry.endpoint(named: "fault-intruder")?.port
          }
          #expect(port == 50002)
        }
      }
    }
  }

  /// Also with the robot's clock minutes off this computer's: the keep-alive judges the
  /// entry's age by the robot's clock.
  @Test(arguments: [0, -300, 300])
  func aSecondHelloWorldServiceKeepsRunningAndSaysWhyItIsNotRegistered(clockOffsetSeconds: Int)
    async throws
  {
    try await TestRobot.with(
      configure: { $0.clock = .system(offset: .seconds(clockOffsetSeconds)) }
    ) { robot in
      let holder = try await Self.startRegisteredHelloWorld(robot)
      let intruder = try robot.startHelloWorld()
      let intruderPort = try await eventually("the second service's port") {
        FaultPolling.port(after: "running on port", in: intruder.stdout)
      }
      // Its first registration attempt is answered either way: registered, or a warning.
      _ = try await eventually("the second service's registration attempt") {
        let log = intruder.stderr
        return log.contains("registered/updated") || log.contains("Could not register")
          ? true : nil
      }
      #expect(intruder.process.isRunning, "\(intruder.stderr)")
      #expect(holder.child.process.isRunning, "\(holder.child.stderr)")
      #expect(Self.helloWorldPorts(robot).count == 1, "one entry: \(Self.helloWorldPorts(robot))")
      #expect(
        Self.helloWorldPorts(robot) == [holder.port],
        "the entry still routes to the first service, not to \(intruderPort)"
      )
      #expect(intruder.stderr.contains("Could not register"), "\(intruder.stderr)")
      #expect(intruder.stderr.contains("is registered by a service that is still running"))
      intruder.signal(SIGINT)
      holder.child.signal(SIGINT)
      #expect(try await intruder.waitForExit() == 0)
      #expect(try await holder.child.waitForExit() == 0)
    }
  }

  // MARK: - Helpers

  /// Starts `hello-world-mission-service robot` and waits until it has registered.
  static func startRegisteredHelloWorld(_ robot: TestRobot) async throws
    -> (child: ChildProcess, port: Int)
  {
    let process = try robot.startHelloWorld()
    try await process.waitForOutput("Starting directory registration loop", inStderr: true)
    let port = try #require(FaultPolling.port(after: "running on port", in: process.stdout))
    return (process, port)
  }

  /// The ports of every directory entry at the hello-world service's authority.
  static func helloWorldPorts(_ robot: TestRobot) -> [Int] {
    robot.robot.registry.entries()
      .filter { $0.authority == "\(Self.helloWorld).spot.robot" }
      .compactMap { robot.robot.registry.endpoint(named: $0.name).map { Int($0.port) } }
  }

  /// Ticks the hello-world service through the robot with `remote-mission-client` and checks
  /// that `service` answered.
  static func expectTickReaches(_ service: ChildProcess, through robot: TestRobot) async throws {
    let name = "Fault\(Int.random(in: 1000...9999))"
    let result = try await ChildProcess.run(
      try TestEnvironment.executable("remote-mission-client"),
      ["--hello-world", "--user-string", name, "robot"] + robot.credentialArguments
        + [robot.address]
    )
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("STATUS_SUCCESS"), "\(result.stdout)")
    _ = try await service.waitForOutput("Hello \(name)!", inStderr: true, timeout: .seconds(5))
  }

  static func entry(_ name: String, authority: String) -> Bosdyn_Api_ServiceEntry {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = name
    entry.type = "bosdyn.api.mission.RemoteMissionService"
    entry.authority = authority
    entry.userTokenRequired = true
    return entry
  }
}
