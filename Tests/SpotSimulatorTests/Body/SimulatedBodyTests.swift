import BosdynAPI
import SpotSimulator
import TestSupport
import Testing

@Suite("Simulated body")
struct SimulatedBodyTests {
  static func body(transition: Duration = .seconds(2), time: ManualTime = ManualTime())
    -> SimulatedBody
  {
    SimulatedBody(configuration: .init(transitionTime: transition), clock: time.clock)
  }

  static func safePowerOff() -> Bosdyn_Api_RobotCommand {
    var command = Bosdyn_Api_RobotCommand()
    command.fullBodyCommand.safePowerOffRequest = .init()
    return command
  }

  static func stand() -> Bosdyn_Api_RobotCommand {
    var command = Bosdyn_Api_RobotCommand()
    command.synchronizedCommand.mobilityCommand.standRequest = .init()
    return command
  }

  @Test func powerOnTakesTheTransitionTime() async throws {
    let time = ManualTime()
    let body = Self.body(time: time)
    #expect(body.motorPowerState == .stateOff)
    let id = try body.requestPower(on: true).get()
    #expect(body.motorPowerState == .statePoweringOn)
    #expect(body.powerFeedback(id) == .statusInProgress)
    await time.advance(by: .milliseconds(1999))
    #expect(body.motorPowerState == .statePoweringOn)
    await time.advance(by: .milliseconds(1))
    #expect(body.motorPowerState == .stateOn)
    #expect(body.powerFeedback(id) == .statusSuccess)
    #expect(body.powerFeedback(id + 100) == nil)
  }

  @Test func safePowerOffFeedbackProgresses() async throws {
    let time = ManualTime()
    let body = SimulatedBody(
      configuration: .init(transitionTime: .seconds(2), motorsInitiallyOn: true),
      clock: time.clock
    )
    let id = try body.execute(Self.safePowerOff()).get()
    let during = try #require(body.commandFeedback(id))
    #expect(during.fullBodyFeedback.status == .processing)
    #expect(during.fullBodyFeedback.safePowerOffFeedback.status == .inProgress)
    #expect(body.motorPowerState == .statePoweringOff)
    await time.advance(by: .seconds(2))
    let after = try #require(body.commandFeedback(id))
    #expect(after.fullBodyFeedback.safePowerOffFeedback.status == .poweredOff)
    #expect(body.motorPowerState == .stateOff)
    #expect(body.commandFeedback(id + 1) == nil)
  }

  @Test func refusals() throws {
    let body = Self.body()
    #expect(throws: SimulatedBody.CommandRefusal.self) { try body.execute(Self.stand()).get() }
    #expect(throws: SimulatedBody.CommandRefusal.self) {
      try body.execute(Bosdyn_Api_RobotCommand()).get()
    }
    body.setShorePower(connected: true)
    #expect(throws: SimulatedBody.PowerRefusal(status: .statusShorePowerConnected)) {
      try body.requestPower(on: true).get()
    }
    body.setShorePower(connected: false)
    body.setEstopped(true)
    #expect(throws: SimulatedBody.PowerRefusal(status: .statusEstopped)) {
      try body.requestPower(on: true).get()
    }
    #expect(body.estopStates.contains { $0.state == .estopped })
  }

  @Test func laterCommandOverridesAnUnfinishedOne() throws {
    let body = Self.body(transition: .seconds(10))
    let on = try body.requestPower(on: true).get()
    let off = try body.requestPower(on: false).get()
    #expect(body.powerFeedback(on) == .statusOverridden)
    #expect(body.powerFeedback(off) == .statusInProgress)
    #expect(body.motorPowerState == .statePoweringOff)
  }

  @Test func aPowerOnDuringAPowerOffIsRefusedUntilTheMotorsAreOff() async throws {
    let time = ManualTime()
    let body = SimulatedBody(
      configuration: .init(transitionTime: .seconds(2), motorsInitiallyOn: true),
      clock: time.clock
    )
    let off = try body.execute(Self.safePowerOff()).get()
    await time.advance(by: .seconds(1))
    #expect(throws: SimulatedBody.PowerRefusal(status: .statusCommandInProgress)) {
      try body.requestPower(on: true).get()
    }
    #expect(body.motorPowerState == .statePoweringOff)
    await time.advance(by: .seconds(1))
    #expect(body.commandFeedback(off)?.fullBodyFeedback.safePowerOffFeedback.status == .poweredOff)
    #expect(body.motorPowerState == .stateOff)
    // Once off, the robot may be powered on again.
    _ = try body.requestPower(on: true).get()
    #expect(body.motorPowerState == .statePoweringOn)
  }
}
