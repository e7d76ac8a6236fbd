import BosdynAPI
import BosdynMission
import BosdynRobot
import ExampleServicers
import SpotSimulator
import TestSupport
import Testing

/// The power-off callback against the simulated robot, time moving only when the test says:
/// it answers RUNNING while the robot sits and powers down, and SUCCESS only once the motors
/// are fully off (a callback that reported SUCCESS on "not on" would let a mission walk on
/// while the robot is still powering off).
@Suite("The power-off callback against the simulated robot", .timeLimit(.minutes(1)))
struct PowerOffServicerTests {
  @Test func successOnlyOnceTheMotorsAreFullyOffRunningBefore() async throws {
    let time = ManualTime()
    try await TestRobot.with(time: time, configure: { $0.powerTransition = .seconds(2) }) {
      (robot: TestRobot) async throws -> Void in
      let body: SimulatedBody = robot.robot.body
      _ = try body.requestPower(on: true).get()
      await time.advance(by: .seconds(2))
      #expect(body.motorPowerState == .stateOn)

      try await robot.withConnection { (connection: RobotConnection) async throws -> Void in
        let lease = try await LeaseClient(connection: connection).acquire()
        let servicer = PowerOffServicer(robot: connection, logger: TestLogging.logger("power-off"))
        var establish = Bosdyn_Api_Mission_EstablishSessionRequest()
        establish.leases = [lease]
        let outcome = try await servicer.makeSession(for: establish)
        guard case .established(let session) = outcome else {
          Issue.record("the power-off callback refused a session")
          return
        }
        var request = Bosdyn_Api_Mission_TickRequest()
        request.leases = [lease]

        var statuses: [Bosdyn_Api_Mission_TickResponse.Status] = []
        var motors: [Bosdyn_Api_PowerState.MotorPowerState] = []
        for _ in 0..<40 {
          let response = try await servicer.tick(request, session: session)
          statuses.append(response.status)
          motors.append(body.motorPowerState)
          if response.status != .running { break }
          await time.advance(by: .milliseconds(100))
        }
        #expect(statuses.first == .running, "\(statuses)")
        #expect(statuses.last == .success, "\(statuses)")
        #expect(statuses.dropLast().allSatisfy { $0 == .running }, "\(statuses)")
        // RUNNING while the motors were not off yet; SUCCESS when they were.
        #expect(motors.dropLast().allSatisfy { $0 != .stateOff }, "\(motors)")
        #expect(motors.last == .stateOff, "\(motors)")
      }
    }
  }
}
