import BosdynAPI
import BosdynRobot
import Testing

@Suite("SafePowerOffFeedback")
struct SafePowerOffFeedbackTests {
  static func feedback(
    _ status: Bosdyn_Api_SafePowerOffCommand.Feedback.Status,
    body: Bosdyn_Api_RobotCommandFeedbackStatus.Status = .processing
  ) -> Bosdyn_Api_RobotCommandFeedback {
    var feedback = Bosdyn_Api_RobotCommandFeedback()
    feedback.fullBodyFeedback.status = body
    feedback.fullBodyFeedback.safePowerOffFeedback.status = status
    return feedback
  }

  @Test("reads in progress and powered off")
  func progress() {
    #expect(SafePowerOffFeedback(Self.feedback(.inProgress)) == .inProgress)
    #expect(SafePowerOffFeedback(Self.feedback(.poweredOff)) == .poweredOff)
  }

  @Test("an overridden command is stopped, whatever its last safe power off status")
  func overridden() {
    #expect(
      SafePowerOffFeedback(Self.feedback(.inProgress, body: .commandOverridden))
        == .stopped(.commandOverridden)
    )
  }

  @Test("feedback about another command is unknown")
  func otherCommand() {
    var feedback = Bosdyn_Api_RobotCommandFeedback()
    feedback.fullBodyFeedback.status = .processing
    #expect(SafePowerOffFeedback(feedback) == .unknown)
    #expect(SafePowerOffFeedback(Bosdyn_Api_RobotCommandFeedback()) == .unknown)
  }
}
