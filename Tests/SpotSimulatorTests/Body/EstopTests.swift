import BosdynAPI
import BosdynCore
import GRPCCore
import SpotSimulator
import SwiftProtobuf
import TestSupport
import Testing

/// The simulated E-Stop: released at start as if the tablet held it; a stop cuts power; an
/// endpoint that stops checking in cuts power after its timeout.
@Suite("E-Stop")
struct EstopTests {
  private static func context() -> ServerContext {
    ServerContext(
      descriptor: Bosdyn_Api_EstopService.Method.GetEstopSystemStatus.descriptor,
      remotePeer: "test",
      localPeer: "test",
      cancellation: .init()
    )
  }

  private static func status(_ estop: EstopService) async throws -> Bosdyn_Api_EstopSystemStatus {
    try await estop.getEstopSystemStatus(request: .init(), context: Self.context()).status
  }

  @Test func theRobotStartsReleasedWithTheBuiltInEndpoint() async throws {
    let time = ManualTime()
    let body = SimulatedBody(configuration: .defaults, clock: time.clock)
    let estop = EstopService(body: body, clock: time.clock)
    let status = try await Self.status(estop)
    #expect(status.stopLevel == .estopLevelNone)
    #expect(status.endpoints.map(\.endpoint.name) == [EstopService.builtInEndpointName])
    // Hours later, the built-in endpoint (no timeout) still holds the robot released.
    await time.advance(by: .seconds(3600))
    #expect(try await Self.status(estop).stopLevel == .estopLevelNone)
    _ = try body.requestPower(on: true).get()
  }

  @Test func aStopCutsPowerAtOnceUntilReleased() async throws {
    let time = ManualTime()
    let body = SimulatedBody(
      configuration: .init(transitionTime: .seconds(2), motorsInitiallyOn: true),
      clock: time.clock
    )
    let estop = EstopService(body: body, clock: time.clock)
    estop.stop(reason: "test")
    #expect(body.motorPowerState == .stateOff)
    #expect(body.isEstopped)
    #expect(try await Self.status(estop).stopLevel == .estopLevelCut)
    #expect(throws: SimulatedBody.PowerRefusal(status: .statusEstopped)) {
      try body.requestPower(on: true).get()
    }
    estop.release()
    #expect(!body.isEstopped)
    _ = try body.requestPower(on: true).get()
  }

  @Test func anEndpointThatStopsCheckingInCutsPowerAfterItsTimeout() async throws {
    let time = ManualTime()
    let body = SimulatedBody(
      configuration: .init(transitionTime: .seconds(2), motorsInitiallyOn: true),
      clock: time.clock
    )
    let estop = EstopService(body: body, clock: time.clock)
    let config = try await estop.getEstopConfig(request: .init(), context: Self.context())
    var register = Bosdyn_Api_RegisterEstopEndpointRequest()
    register.targetConfigID = config.activeConfig.uniqueID
    register.newEndpoint.name = "client"
    register.newEndpoint.role = "PDB_rooted"
    register.newEndpoint.timeout = .init(rounding: .seconds(5))
    let registered = try await estop.registerEstopEndpoint(
      request: register,
      context: Self.context()
    )
    #expect(registered.status == .success)
    var checkIn = Bosdyn_Api_EstopCheckInRequest()
    checkIn.endpoint = registered.newEndpoint
    checkIn.stopLevel = .estopLevelNone
    _ = try await estop.estopCheckIn(request: checkIn, context: Self.context())
    #expect(!estop.isStopped)
    // The loop enforces the timeout without anyone asking.
    try await withThrowingTaskGroup { group in
      group.addTask { try await estop.run() }
      let loop = "the E-Stop timeout loop"
      try await time.advance(by: .seconds(4), inStepsOf: .milliseconds(100), waitingFor: loop)
      #expect(!body.isEstopped)
      try await time.advance(
        by: .milliseconds(1200),
        inStepsOf: .milliseconds(100),
        waitingFor: loop
      )
      #expect(body.isEstopped)
      #expect(body.motorPowerState == .stateOff)
      group.cancelAll()
    }
  }
}
