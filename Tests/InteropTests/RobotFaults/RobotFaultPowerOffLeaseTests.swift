import BosdynClient
import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynRobot
import ExampleServicers
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import SpotSimulator
import TestSupport
import Testing

/// Lease faults, against the power-off callback: the `PowerOffServicer` hosted here
/// with its own logged-in robot connection, registered in the simulated robot's directory and
/// ticked through the robot's TLS proxy with the raw generated stub, so each test sees exactly
/// the status, header and lease use results the service sent.
@Suite("Robot faults: power-off ticks with bad leases")
struct RobotFaultPowerOffLeaseTests {
  @Test func noLeaseIsMissingLeasesNamingBody() async throws {
    try await PowerOffFixture.with { fixture in
      let refused = try await fixture.establishSession(leases: [])
      #expect(refused.status == .missingLeases)
      #expect(refused.missingLeaseResources == ["body"])

      let lease = try await fixture.leases.acquire()
      let session = try await fixture.establishSession(leases: [lease])
      #expect(session.status == .ok, "\(session)")
      let tick = try await fixture.tick(session.sessionID, leases: [])
      #expect(tick.status == .missingLeases, "\(tick)")
      #expect(tick.missingLeaseResources == ["body"])
      #expect(fixture.robot.robot.body.isPoweredOn, "nothing was sent to the robot")
    }
  }

  @Test func twoBodyLeasesAreAnInvalidRequest() async throws {
    try await PowerOffFixture.with { fixture in
      let lease = try await fixture.leases.acquire()
      let refused = try await fixture.establishSession(leases: [lease, lease])
      #expect(refused.header.error.code == .invalidRequest, "\(refused)")

      let session = try await fixture.establishSession(leases: [lease])
      let tick = try await fixture.tick(session.sessionID, leases: [lease, lease])
      #expect(tick.header.error.code == .invalidRequest, "\(tick)")
      #expect(tick.header.error.message.contains("2 leases on resource body"), "\(tick)")
      #expect(fixture.robot.robot.body.isPoweredOn, "nothing was sent to the robot")
    }
  }

  @Test func aStaleLeaseTakenByAnotherClientRunsWithTheOlderResult() async throws {
    try await PowerOffFixture.with { fixture in
      let stale = try await fixture.leases.acquire()
      let session = try await fixture.establishSession(leases: [stale])
      let newer = try await fixture.robot.withConnection(clientName: "FaultThief") { thief in
        try await LeaseClient(connection: thief).take()
      }
      #expect(newer.sequence != stale.sequence)

      let tick = try await fixture.tick(session.sessionID, leases: [stale])
      #expect(tick.status == .running, "\(tick)")
      #expect(tick.header.error.code == .ok, "\(tick)")
      #expect(tick.leaseUseResults.map(\.status) == [.older], "\(tick)")
      #expect(fixture.robot.robot.body.isPoweredOn, "the stale lease did not power the robot off")
    }
  }

  @Test func aReturnedLeaseRunsWithTheRevokedResult() async throws {
    try await PowerOffFixture.with { fixture in
      let lease = try await fixture.leases.acquire()
      let session = try await fixture.establishSession(leases: [lease])
      try await fixture.leases.returnLease(lease)

      let tick = try await fixture.tick(session.sessionID, leases: [lease])
      #expect(tick.status == .running, "\(tick)")
      #expect(tick.leaseUseResults.map(\.status) == [.revoked], "\(tick)")
      #expect(fixture.robot.robot.body.isPoweredOn, "the revoked lease did not power it off")
    }
  }

  @Test func aLeaseAnotherRobotIssuedRunsWithTheWrongEpochResult() async throws {
    try await PowerOffFixture.with { fixture in
      let lease = try await fixture.leases.acquire()
      let session = try await fixture.establishSession(leases: [lease])
      // A client of another robot: its lease service issued this one, in its own epoch.
      let otherRobot = LeaseLedger()
      var owner = Bosdyn_Api_LeaseOwner()
      owner.clientName = "OtherRobotsClient"
      let foreign = otherRobot.acquire(resource: "body", owner: owner).lease
      #expect(foreign.epoch != lease.epoch)

      let tick = try await fixture.tick(session.sessionID, leases: [foreign])
      #expect(tick.status == .running, "\(tick)")
      #expect(tick.leaseUseResults.map(\.status) == [.wrongEpoch], "\(tick)")
      #expect(fixture.robot.robot.body.isPoweredOn, "the foreign lease did not power it off")
    }
  }

  @Test func theClientsOwnLeasePowersTheRobotOff() async throws {
    try await PowerOffFixture.with { fixture in
      let lease = try await fixture.leases.acquire()
      let session = try await fixture.establishSession(leases: [lease])
      var statuses: [TickResponse.Status] = []
      let final = try await eventually(
        "the power off to finish",
        timeout: .seconds(10),
        pollEvery: .milliseconds(50)
      ) { () async throws -> TickResponse? in
        let tick = try await fixture.tick(session.sessionID, leases: [lease])
        statuses.append(tick.status)
        #expect(tick.leaseUseResults.allSatisfy { $0.status == .ok }, "\(tick)")
        return tick.status == .running ? nil : tick
      }
      #expect(final.status == .success, "\(final)")
      #expect(statuses.dropLast().allSatisfy { $0 == .running }, "\(statuses)")
      #expect(!fixture.robot.robot.body.isPoweredOn, "the motors are off")
    }
  }
}

/// A simulated robot with its motors on, the power-off callback registered in its directory,
/// and a logged-in mission client with a lease client, as a mission would tick it.
private struct PowerOffFixture {
  typealias Stub = Bosdyn_Api_Mission_RemoteMissionService.Client<HTTP2ClientTransport.Posix>

  let robot: TestRobot
  let stub: Stub
  let leases: LeaseClient

  static func with(_ body: (PowerOffFixture) async throws -> Void) async throws {
    try await TestRobot.with { robot in
      try await robot.withConnection(clientName: "PowerOffFaultService") { service in
        let servicer = SessionManagingServicer(
          PowerOffServicer(robot: service, logger: service.logger)
        )
        let server = RemoteMissionServer(
          servicer: servicer,
          configuration: .init(host: "127.0.0.1", port: 0, eventLoops: 1),
          logger: service.logger
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask { try await server.serve() }
          let outcome: Result<Void, any Error>
          do {
            try await Self.register(port: try await server.listeningPort(), with: service)
            try await robot.withConnection(clientName: "FaultMissionClient") { client in
              let stub = Stub(
                wrapping: try client.grpcClient(authority: "power-off-callback.spot.robot")
              )
              let leases = LeaseClient(connection: client)
              try await Self.powerOn(client, leases: leases)
              #expect(robot.robot.body.isPoweredOn)
              try await body(PowerOffFixture(robot: robot, stub: stub, leases: leases))
            }
            outcome = .success(())
          } catch {
            outcome = .failure(error)
          }
          server.beginGracefulShutdown()
          try await group.waitForAll()
          try outcome.get()
        }
      }
    }
  }

  private static func register(port: Int, with connection: RobotConnection) async throws {
    var entry = Bosdyn_Api_ServiceEntry()
    entry.name = "power-off-callback"
    entry.type = "bosdyn.api.mission.RemoteMissionService"
    entry.authority = "power-off-callback"
    entry.userTokenRequired = true
    try await DirectoryRegistrationClient(connection: connection)
      .register(entry, host: "127.0.0.1", port: port)
  }

  /// Powers the motors on with a lease, then returns the lease so each test starts clean.
  private static func powerOn(_ connection: RobotConnection, leases: LeaseClient) async throws {
    let lease = try await leases.acquire()
    try await PowerClient(connection: connection).powerOnMotors(
      lease: lease,
      timeout: .seconds(10),
      pollInterval: .milliseconds(50)
    )
    try await leases.returnLease(lease)
  }

  func establishSession(leases: [Lease]) async throws -> EstablishSessionResponse {
    var request = EstablishSessionRequest()
    request.header = .stamped(clientName: "FaultMissionClient")
    request.leases = leases
    return try await self.stub.establishSession(request, options: Self.options)
  }

  func tick(_ sessionID: String, leases: [Lease]) async throws -> TickResponse {
    var request = TickRequest()
    request.header = .stamped(clientName: "FaultMissionClient")
    request.sessionID = sessionID
    request.leases = leases
    return try await self.stub.tick(request, options: Self.options)
  }

  private static var options: CallOptions {
    var options = CallOptions.defaults
    options.timeout = .seconds(5)
    return options
  }
}
