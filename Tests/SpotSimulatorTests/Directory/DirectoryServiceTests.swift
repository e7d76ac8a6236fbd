import BosdynAPI
import GRPCCore
@testable import SpotSimulator
import TestSupport
import Testing

@Suite("Simulated robot: directory and directory registration")
struct DirectoryServiceTests {
  static func entry(
    _ name: String,
    type: String = "bosdyn.api.mission.RemoteMissionService",
    authority: String,
    livenessTimeout: Double = 0
  ) -> Bosdyn_Api_ServiceEntry {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = name
    entry.type = type
    entry.authority = authority
    entry.userTokenRequired = true
    entry.livenessTimeoutSecs = livenessTimeout
    return entry
  }

  static func endpoint(port: Int32 = 50051) -> Bosdyn_Api_Endpoint {
    var endpoint = Bosdyn_Api_Endpoint()
    endpoint.hostIp = "127.0.0.1"
    endpoint.port = port
    return endpoint
  }

  static func registerRequest(
    _ entry: Bosdyn_Api_ServiceEntry,
    port: Int32 = 50051
  ) -> Bosdyn_Api_RegisterServiceRequest {
    var request = Bosdyn_Api_RegisterServiceRequest()
    request.header.clientName = "directory-test"
    request.serviceEntry = entry
    request.endpoint = Self.endpoint(port: port)
    return request
  }

  @Test("The listing holds the robot's own services at the real robot's authorities")
  func bootstrapEntries() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      var request = Bosdyn_Api_ListServiceEntriesRequest()
      request.header.clientName = "directory-test"
      let response = try await connection.directory.listServiceEntries(request, metadata: metadata)
      #expect(response.header.error.code == .ok)
      #expect(response.header.requestHeader.clientName == "directory-test")
      let byName = Dictionary(
        response.serviceEntries.map { ($0.name, $0) },
        uniquingKeysWith: { a, _ in a }
      )
      let expected: [(String, String, String)] = [
        ("auth", "bosdyn.api.AuthService", "auth.spot.robot"),
        ("directory", "bosdyn.api.DirectoryService", "api.spot.robot"),
        ("directory-registration", "bosdyn.api.DirectoryRegistrationService", "api.spot.robot"),
        ("robot-id", "bosdyn.api.RobotIdService", "id.spot.robot"),
        ("time-sync", "bosdyn.api.TimeSyncService", "api.spot.robot"),
        ("lease", "bosdyn.api.LeaseService", "api.spot.robot"),
        ("power", "bosdyn.api.PowerService", "power.spot.robot"),
        ("robot-command", "bosdyn.api.RobotCommandService", "command.spot.robot"),
        ("robot-state", "bosdyn.api.RobotStateService", "state.spot.robot"),
        ("estop", "bosdyn.api.EstopService", "estop.spot.robot"),
        ("keepalive", "bosdyn.api.keepalive.KeepaliveService", "keepalive.spot.robot"),
        ("autowalk-service", "bosdyn.api.autowalk.AutowalkService", "autowalk.spot.robot"),
      ]
      for (name, type, authority) in expected {
        let entry = try #require(byName[name], "\(name) missing")
        #expect(entry.type == type)
        #expect(entry.authority == authority)
      }
      #expect(byName["auth"]?.userTokenRequired == false)
      #expect(byName["lease"]?.userTokenRequired == true)

      var get = Bosdyn_Api_GetServiceEntryRequest()
      get.serviceName = "robot-state"
      let found = try await connection.directory.getServiceEntry(get, metadata: metadata)
      #expect(found.status == .ok)
      #expect(found.serviceEntry.authority == "state.spot.robot")
      get.serviceName = "no-such-service"
      let missing = try await connection.directory.getServiceEntry(get, metadata: metadata)
      #expect(missing.status == .nonexistentService)
      #expect(missing.header.error.code == .ok)
    }
  }

  @Test("Register, duplicate name, duplicate authority and type, update, unregister")
  func registrationLifecycle() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      let registration = connection.registration

      let hello = Self.entry("hello-world-callback", authority: "remote-mission")
      let registered = try await registration.registerService(
        Self.registerRequest(hello),
        metadata: metadata
      )
      #expect(registered.status == .ok)
      #expect(registered.header.error.code == .ok)
      #expect(registered.header.requestHeader.clientName == "directory-test")

      // The same name again: ALREADY_EXISTS, nothing changes.
      let again = try await registration.registerService(
        Self.registerRequest(hello, port: 60000),
        metadata: metadata
      )
      #expect(again.status == .alreadyExists)
      #expect(harness.registry.endpoint(named: "hello-world-callback")?.port == 50051)

      // Another name, same authority and type (the Python examples' shared authority).
      let other = Self.entry("power-off-callback", authority: "remote-mission.spot.robot")
      let clash = try await registration.registerService(
        Self.registerRequest(other, port: 50052),
        metadata: metadata
      )
      #expect(clash.status == .alreadyExists)
      #expect(clash.header.error.message.contains("hello-world-callback"))

      // Same authority, another type: fine.
      let otherType = Self.entry(
        "hello-data",
        type: "bosdyn.api.DataAcquisitionPluginService",
        authority: "remote-mission"
      )
      let differentType = try await registration.registerService(
        Self.registerRequest(otherType, port: 50053),
        metadata: metadata
      )
      #expect(differentType.status == .ok)

      // The bare label is stored expanded, as the TLS name the Python client will use.
      var get = Bosdyn_Api_GetServiceEntryRequest()
      get.serviceName = "hello-world-callback"
      let stored = try await connection.directory.getServiceEntry(get, metadata: metadata)
      #expect(stored.serviceEntry.authority == "remote-mission.spot.robot")
      #expect(stored.serviceEntry.hasLastUpdate)

      // Update: nonexistent, then a real change of endpoint.
      var update = Bosdyn_Api_UpdateServiceRequest()
      update.serviceEntry = Self.entry("ghost", authority: "ghost")
      update.endpoint = Self.endpoint()
      let ghost = try await registration.updateService(update, metadata: metadata)
      #expect(ghost.status == .nonexistentService)
      update.serviceEntry = hello
      update.endpoint = Self.endpoint(port: 50099)
      let moved = try await registration.updateService(update, metadata: metadata)
      #expect(moved.status == .ok)
      #expect(harness.registry.endpoint(named: "hello-world-callback")?.port == 50099)

      // Updating into another service's authority and type is refused.
      update.serviceEntry = Self.entry(
        "hello-world-callback",
        type: "bosdyn.api.DataAcquisitionPluginService",
        authority: "remote-mission"
      )
      let collision = try await registration.updateService(update, metadata: metadata)
      #expect(collision.header.error.code == .invalidRequest)
      #expect(collision.header.error.message.contains("hello-data"))

      // Unregister, twice.
      var unregister = Bosdyn_Api_UnregisterServiceRequest()
      unregister.serviceName = "hello-world-callback"
      #expect(
        try await registration.unregisterService(unregister, metadata: metadata).status == .ok
      )
      let twice = try await registration.unregisterService(unregister, metadata: metadata)
      #expect(twice.status == .nonexistentService)
      let gone = try await connection.directory.getServiceEntry(get, metadata: metadata)
      #expect(gone.status == .nonexistentService)

      // Now the authority is free for the other service.
      let retried = try await registration.registerService(
        Self.registerRequest(other, port: 50052),
        metadata: metadata
      )
      #expect(retried.status == .ok)
    }
  }

  @Test("The robot's own services cannot be replaced, changed or removed")
  func robotServicesAreProtected() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      let metadata = try await connection.login()
      let registration = connection.registration
      let lease = Self.entry("lease", type: "bosdyn.api.LeaseService", authority: "my-lease")
      #expect(
        try await registration.registerService(Self.registerRequest(lease), metadata: metadata)
          .status == .alreadyExists
      )

      var update = Bosdyn_Api_UpdateServiceRequest()
      update.serviceEntry = lease
      update.endpoint = Self.endpoint()
      #expect(
        try await registration.updateService(update, metadata: metadata).header.error.code
          == .invalidRequest
      )

      var unregister = Bosdyn_Api_UnregisterServiceRequest()
      unregister.serviceName = "directory"
      #expect(
        try await registration.unregisterService(unregister, metadata: metadata).header.error.code
          == .invalidRequest
      )

      let squatter = Self.entry("squatter", authority: "api.spot.robot")
      let squat = try await registration.registerService(
        Self.registerRequest(squatter),
        metadata: metadata
      )
      #expect(squat.header.error.code == .invalidRequest)
      #expect(squat.header.error.message.contains("api.spot.robot"))
    }
  }

  @Test(
    "Malformed registrations are invalid requests",
    arguments: [
      ("", "remote", Int32(50051), 0.0),
      ("name", "", Int32(50051), 0.0),
      ("name", "remote", Int32(0), 0.0),
      ("name", "remote", Int32(70000), 0.0),
      ("name", "remote", Int32(50051), -1.0),
      ("name", "two.labels.spot.robot", Int32(50051), 0.0),
      ("name", "example.com", Int32(50051), 0.0),
      ("name", "bad_label", Int32(50051), 0.0),
      ("evil\u{1B}[2Jname", "remote", Int32(50051), 0.0),
      ("line\nforged log line", "remote", Int32(50051), 0.0),
      ("zero\u{200B}width", "remote", Int32(50051), 0.0),
      (String(repeating: "n", count: 100_000), "remote", Int32(50051), 0.0),
    ]
  )
  func malformedRegistration(
    name: String,
    authority: String,
    port: Int32,
    liveness: Double
  ) async throws {
    let registry = ServiceRegistry()
    let entry = Self.entry(name, authority: authority, livenessTimeout: liveness)
    let outcome = registry.register(entry, endpoint: Self.endpoint(port: port))
    guard case .invalidRequest(let message) = outcome else {
      Issue.record("expected an invalid request, got \(outcome)")
      return
    }
    #expect(!message.isEmpty)
    // What the robot says back is safe to print: no control characters, bounded.
    #expect(!message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    #expect(message.count < 1_000)
    #expect(registry.entry(named: name) == nil || name.isEmpty)
  }

  @Test("A registered type and host are checked like the name")
  func malformedTypeAndHost() {
    let registry = ServiceRegistry()
    var entry = Self.entry("name", type: "type\u{7}bell", authority: "remote")
    #expect(registry.register(entry, endpoint: Self.endpoint()) != .ok)
    entry.type = "bosdyn.api.mission.RemoteMissionService"
    var endpoint = Self.endpoint()
    endpoint.hostIp = "127.0.0.1\r\nX"
    #expect(registry.register(entry, endpoint: endpoint) != .ok)
    // The robot dials host_ip without a name lookup: only addresses are accepted, and not
    // "any address", which is for listening (a robot dialling it would reach itself).
    let notAnAddress = "is not an IPv4 or IPv6 address"
    let reach = "; register the address the robot can reach"
    let anyAddress = "is the unspecified (any) address" + reach
    let refusals =
      ["999.1.1.1", "localhost", "my-laptop.local", "1.2.3", "::g"].map { ($0, notAnAddress) }
      + ["0.0.0.0", "::", "0:0::0", "::ffff:0.0.0.0", "::ffff:0:0"].map { ($0, anyAddress) }
      + [("255.255.255.255", "is a broadcast address" + reach)]
      + ["224.0.0.1", "239.1.2.3", "ff02::1", "::ffff:224.0.0.1"].map {
        ($0, "is a multicast address" + reach)
      }
    for (hostIP, reason) in refusals {
      endpoint.hostIp = hostIP
      let outcome = registry.register(entry, endpoint: endpoint)
      #expect(outcome == .invalidRequest("endpoint.host_ip '\(hostIP)' of 'name' \(reason)"))
    }
    endpoint.hostIp = "::1"
    #expect(registry.register(entry, endpoint: endpoint) == .ok)
    #expect(registry.unregister(name: "name") == .ok)
    #expect(registry.register(entry, endpoint: Self.endpoint()) == .ok)
  }

  @Test("Authorities are canonical: bare labels expanded, ports and case dropped")
  func canonicalAuthorities() {
    #expect(ServiceRegistry.canonicalAuthority("remote-mission") == "remote-mission.spot.robot")
    #expect(
      ServiceRegistry.canonicalAuthority("hello-world-callback.spot.robot")
        == "hello-world-callback.spot.robot"
    )
    #expect(ServiceRegistry.canonicalAuthority("HELLO.spot.robot") == "hello.spot.robot")
    #expect(ServiceRegistry.canonicalAuthority(" hello.spot.robot ") == "hello.spot.robot")
    #expect(ServiceRegistry.canonicalAuthority("Remote-Mission:443") == "remote-mission.spot.robot")
    #expect(ServiceRegistry.canonicalAuthority("api.spot.robot.") == "api.spot.robot")
    #expect(ServiceRegistry.canonicalAuthority("api.spot.robot:31000") == "api.spot.robot")
    #expect(ServiceRegistry.canonicalAuthority("[::1]:443") == "[::1]")
    #expect(ServiceRegistry.canonicalAuthority("") == "")
    // A port no robot could listen on names nothing (the proxy answers 502).
    #expect(ServiceRegistry.canonicalAuthority("api.spot.robot:99999") == "")
    #expect(ServiceRegistry.canonicalAuthority("api.spot.robot:0") == "")
    #expect(ServiceRegistry.canonicalAuthority("api.spot.robot:65535") == "api.spot.robot")
    #expect(ServiceRegistry().route(authority: "api.spot.robot:70000") == nil)
  }

  @Test("Routes: robot authorities go to the robot, registered ones to their endpoint")
  func routes() throws {
    let registry = ServiceRegistry()
    let lease = try #require(
      registry.route(authority: "api.spot.robot:443", serviceType: "bosdyn.api.LeaseService")
    )
    #expect(lease.isRobotService)
    #expect(lease.entry.name == "lease")
    #expect(lease.userTokenRequired)
    let auth = try #require(registry.route(authority: "auth.spot.robot"))
    #expect(auth.isRobotService)
    #expect(!auth.userTokenRequired)
    #expect(registry.route(authority: "payload-registration.spot.robot")?.isRobotService == true)
    #expect(registry.route(authority: "remote-mission") == nil)

    var entry = Self.entry("hello-world-callback", authority: "hello")
    entry.userTokenRequired = false
    #expect(registry.register(entry, endpoint: Self.endpoint(port: 50123)) == .ok)
    let hello = try #require(
      registry.route(
        authority: "hello.spot.robot:443",
        serviceType: "bosdyn.api.mission.RemoteMissionService"
      )
    )
    #expect(!hello.isRobotService)
    #expect(hello.host == "127.0.0.1")
    #expect(hello.port == 50123)
    #expect(!hello.userTokenRequired)
    #expect(registry.route(authority: "hello")?.entry.name == "hello-world-callback")
    #expect(registry.route(authority: "hello", serviceType: "bosdyn.api.PowerService") == nil)
  }

  @Test("A service past its liveness timeout is a fault until it registers or updates again")
  func liveness() async throws {
    let time = ManualTime()
    let registry = ServiceRegistry(clock: time.clock)
    let entry = Self.entry("flaky", authority: "flaky", livenessTimeout: 2.5)
    #expect(registry.register(entry, endpoint: Self.endpoint()) == .ok)
    let steady = Self.entry("steady", authority: "steady")
    #expect(registry.register(steady, endpoint: Self.endpoint()) == .ok)
    #expect(registry.serviceFaults().isEmpty)

    await time.advance(by: .milliseconds(2500))
    #expect(registry.serviceFaults().isEmpty)
    await time.advance(by: .milliseconds(1))
    let faults = registry.serviceFaults()
    #expect(faults.count == 1)
    #expect(faults.first?.faultID.serviceName == "flaky")
    #expect(faults.first?.faultID.faultName == ServiceRegistry.livenessFaultName)
    #expect(faults.first?.hasOnsetTimestamp == true)
    // The entry stays listed while unhealthy.
    #expect(registry.entry(named: "flaky") != nil)

    // A keep-alive's identical re-registration is a heartbeat.
    guard case .alreadyExists = registry.register(entry, endpoint: Self.endpoint()) else {
      Issue.record("re-registration should report ALREADY_EXISTS")
      return
    }
    #expect(registry.serviceFaults().isEmpty)

    await time.advance(by: .seconds(3))
    #expect(registry.serviceFaults().count == 1)
    #expect(registry.update(entry, endpoint: Self.endpoint(port: 50060)) == .ok)
    #expect(registry.serviceFaults().isEmpty)
  }

  @Test("The liveness loop marks a lapsed service on its own, and returns when cancelled")
  func runLoop() async throws {
    let time = ManualTime()
    let registry = ServiceRegistry(
      configuration: .init(
        robotServices: ServiceRegistry.robotServiceEntries,
        livenessCheckInterval: .seconds(1)
      ),
      logger: TestLogging.logger("liveness-loop"),
      clock: time.clock
    )
    let entry = Self.entry("flaky", authority: "flaky", livenessTimeout: 2.5)
    #expect(registry.register(entry, endpoint: Self.endpoint()) == .ok)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await registry.run() }
      try await time.advance(
        by: .seconds(3),
        inStepsOf: .seconds(1),
        waitingFor: "the liveness loop"
      )
      // Only the loop has looked at the registry: the lapse is already recorded.
      #expect(registry.unhealthyServiceNames() == ["flaky"])
      group.cancelAll()
      try await group.waitForAll()
    }
  }
}
