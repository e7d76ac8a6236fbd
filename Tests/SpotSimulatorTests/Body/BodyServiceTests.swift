import BosdynAPI
import BosdynCore
import SpotSimulator
import TestSupport
import Testing

@Suite("Power, robot command and robot state over gRPC")
struct BodyServiceTests {
  static func safePowerOff(_ lease: Lease?) -> Bosdyn_Api_RobotCommandRequest {
    var request = Bosdyn_Api_RobotCommandRequest()
    request.header = .stamped(clientName: "test")
    if let lease { request.lease = lease }
    request.command.fullBodyCommand.safePowerOffRequest = .init()
    return request
  }

  static func powerOn(_ lease: Lease?) -> Bosdyn_Api_PowerCommandRequest {
    var request = Bosdyn_Api_PowerCommandRequest()
    request.header = .stamped(clientName: "test")
    if let lease { request.lease = lease }
    request.request = .on
    return request
  }

  @Test func powerOnThenSafePowerOff() async throws {
    let time = ManualTime()
    let harness = BodyServiceHarness(time: time)
    try await harness.serve { robot in
      let lease = try await robot.acquire("alice").sublease(clientName: "alice")
      let on = try await robot.power.powerCommand(Self.powerOn(lease))
      #expect(on.header.error.code == .ok)
      #expect(on.leaseUseResult.status == .ok)
      #expect(on.status == .statusInProgress)
      var feedback = Bosdyn_Api_PowerCommandFeedbackRequest()
      feedback.powerCommandID = on.powerCommandID
      #expect(try await robot.power.powerCommandFeedback(feedback).status == .statusInProgress)
      var state = try await robot.state.getRobotState(.init())
      #expect(state.robotState.powerState.motorPowerState == .statePoweringOn)
      await time.advance(by: .seconds(2))
      #expect(try await robot.power.powerCommandFeedback(feedback).status == .statusSuccess)
      state = try await robot.state.getRobotState(.init())
      #expect(state.robotState.powerState.motorPowerState == .stateOn)
      #expect(state.robotState.estopStates.allSatisfy { $0.state == .notEstopped })

      let command = try await robot.command.robotCommand(Self.safePowerOff(lease))
      #expect(command.status == .ok)
      #expect(command.leaseUseResult.status == .ok)
      var commandFeedback = Bosdyn_Api_RobotCommandFeedbackRequest()
      commandFeedback.robotCommandID = command.robotCommandID
      let during = try await robot.command.robotCommandFeedback(commandFeedback)
      #expect(during.feedback.fullBodyFeedback.status == .processing)
      #expect(during.feedback.fullBodyFeedback.safePowerOffFeedback.status == .inProgress)
      await time.advance(by: .seconds(2))
      #expect(
        try await robot.command.robotCommandFeedback(commandFeedback)
          .feedback.fullBodyFeedback.safePowerOffFeedback.status == .poweredOff
      )
      state = try await robot.state.getRobotState(.init())
      #expect(state.robotState.powerState.motorPowerState == .stateOff)

      commandFeedback.robotCommandID = 999
      let unknown = try await robot.command.robotCommandFeedback(commandFeedback)
      #expect(unknown.header.error.code == .invalidRequest)
      feedback.powerCommandID = 999
      #expect(
        try await robot.power.powerCommandFeedback(feedback).header.error.code == .invalidRequest
      )
    }
  }

  @Test func commandsWithBadLeasesAreRefused() async throws {
    let harness = BodyServiceHarness(motorsInitiallyOn: true)
    try await harness.serve { robot in
      // No lease at all.
      var response = try await robot.command.robotCommand(Self.safePowerOff(nil))
      #expect(response.leaseUseResult.status == .invalidLease)
      #expect(response.robotCommandID == 0)
      #expect(
        try await robot.power.powerCommand(Self.powerOn(nil)).leaseUseResult.status == .invalidLease
      )

      let alice = try await robot.acquire("alice")
      // A stale sequence: a sublease older than one already used.
      let wallet = alice.sublease(clientName: "alice")
      let newer = try #require(wallet.newer())
      #expect(
        try await robot.command.robotCommand(Self.safePowerOff(newer)).leaseUseResult.status == .ok
      )
      response = try await robot.command.robotCommand(Self.safePowerOff(wallet))
      #expect(response.leaseUseResult.status == .older)
      #expect(response.leaseUseResult.latestKnownLease.sequence == newer.sequence)

      // Another client's lease from another epoch (another robot, or before a reboot).
      var foreign = alice
      foreign.epoch = "someone-elses-robot"
      #expect(
        try await robot.command.robotCommand(Self.safePowerOff(foreign)).leaseUseResult.status
          == .wrongEpoch
      )

      // Bob takes the body: Alice's lease is revoked for commands.
      let bob = try await robot.acquire("bob", take: true)
      response = try await robot.command.robotCommand(
        Self.safePowerOff(newer.sublease(clientName: "mission"))
      )
      #expect(response.leaseUseResult.status == .older)
      #expect(response.leaseUseResult.owner.clientName == "bob")

      // A mission service's sublease of Bob's lease is fine.
      response = try await robot.command.robotCommand(
        Self.safePowerOff(bob.sublease(clientName: "bob").sublease(clientName: "power-off"))
      )
      #expect(response.leaseUseResult.status == .ok)
      #expect(response.status == .ok)
    }
  }

  @Test func robotStateReportsServiceFaults() async throws {
    let harness = BodyServiceHarness()
    var fault = Bosdyn_Api_ServiceFault()
    fault.faultID.faultName = "Service unreachable"
    fault.faultID.serviceName = "hello-world-callback"
    fault.severity = .critical
    let faults = [fault]
    try await harness.serve(serviceFaults: { faults }) { robot in
      let state = try await robot.state.getRobotState(.init()).robotState
      #expect(state.serviceFaultState.faults == [fault])
      #expect(state.serviceFaultState.aggregated["hello-world-callback"] == .critical)
    }
  }

  @Test func standNeedsPowerAndEstopCutsIt() async throws {
    let harness = BodyServiceHarness(motorsInitiallyOn: true)
    try await harness.serve { robot in
      let lease = try await robot.acquire("alice")
      var stand = Bosdyn_Api_RobotCommandRequest()
      stand.lease = lease
      stand.command.synchronizedCommand.mobilityCommand.standRequest = .init()
      let standing = try await robot.command.robotCommand(stand)
      #expect(standing.status == .ok)

      // A software estop endpoint engages the estop and the motors drop.
      let config = try await robot.estop.getEstopConfig(.init()).activeConfig
      var register = Bosdyn_Api_RegisterEstopEndpointRequest()
      register.targetConfigID = config.uniqueID
      register.newEndpoint.role = "PDB_rooted"
      register.newEndpoint.name = "test-estop"
      let registered = try await robot.estop.registerEstopEndpoint(register)
      #expect(registered.status == .success)
      var checkIn = Bosdyn_Api_EstopCheckInRequest()
      checkIn.endpoint = registered.newEndpoint
      checkIn.stopLevel = .estopLevelCut
      let first = try await robot.estop.estopCheckIn(checkIn)
      #expect(first.status == .ok)
      #expect(harness.body.motorPowerState == .stateOff)
      #expect(try await robot.power.powerCommand(Self.powerOn(lease)).status == .statusEstopped)
      #expect(try await robot.command.robotCommand(stand).status == .notPoweredOn)

      checkIn.challenge = first.challenge
      checkIn.response = first.challenge &+ 1
      #expect(try await robot.estop.estopCheckIn(checkIn).status == .incorrectChallengeResponse)
      let status = try await robot.estop.getEstopSystemStatus(.init()).status
      #expect(status.stopLevel == .estopLevelCut)

      // Keepalive: a policy can be added, checked in and listed.
      var modify = Bosdyn_Api_Keepalive_ModifyPolicyRequest()
      modify.toAdd.name = "test"
      let added = try await robot.keepalive.modifyPolicy(modify)
      #expect(added.status == .ok)
      var keepaliveCheckIn = Bosdyn_Api_Keepalive_CheckInRequest()
      keepaliveCheckIn.policyID = added.addedPolicy.policyID
      #expect(try await robot.keepalive.checkIn(keepaliveCheckIn).status == .ok)
      keepaliveCheckIn.policyID = 12345
      #expect(try await robot.keepalive.checkIn(keepaliveCheckIn).status == .invalidPolicyID)
      #expect(try await robot.keepalive.getStatus(.init()).status.count == 1)
    }
  }
}
