import BosdynAPI
import Testing

@testable import MissionExecutor

@Suite("Reading robot command feedback")
struct RobotCommandProgressTests {
  @Test(arguments: [
    (["STATUS_PROCESSING", "STATUS_IN_PROGRESS"], RobotCommandProgress.running),
    (["STATUS_PROCESSING", "STATUS_IS_STANDING"], .done),
    (["STATUS_PROCESSING", "STATUS_IS_SITTING"], .done),
    (["STATUS_PROCESSING", "STATUS_AT_GOAL", "STATUS_IN_PROGRESS"], .running),
    (["STATUS_PROCESSING"], .done),
    (["STATUS_UNKNOWN"], .running),
    ([], .running),
    (["STATUS_COMMAND_OVERRIDDEN", "STATUS_IN_PROGRESS"], .failed("STATUS_COMMAND_OVERRIDDEN")),
    (["STATUS_COMMAND_TIMED_OUT"], .failed("STATUS_COMMAND_TIMED_OUT")),
    (["STATUS_PROCESSING", "STATUS_POWERED_OFF"], .done),
  ])
  func statusesAreJudged(_ statuses: [String], _ expected: RobotCommandProgress) {
    #expect(RobotCommandProgress.judge(statuses) == expected)
  }

  @Test func feedbackMessagesAreReadThroughTheirStatusFields() {
    var feedback = Bosdyn_Api_RobotCommandFeedback()
    feedback.synchronizedFeedback.mobilityCommandFeedback.status = .processing
    feedback.synchronizedFeedback.mobilityCommandFeedback.sitFeedback.status = .isSitting
    #expect(RobotCommandProgress(feedback) == .done)
    feedback.synchronizedFeedback.mobilityCommandFeedback.status = .commandOverridden
    #expect(RobotCommandProgress(feedback) == .failed("STATUS_COMMAND_OVERRIDDEN"))
  }
}
