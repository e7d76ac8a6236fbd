import BosdynAPI
import BosdynClient
import BosdynCore

/// BosdynRobotCommand: sends a robot command and succeeds when its feedback says the command is
/// done (see ``RobotCommandProgress`` for how feedback is read).
///
/// The command carries a sublease of the `body` lease given to play, when there is one. While the
/// command runs the node polls its feedback, one request per tick.
final class RobotCommandExec: EnvironmentCallExec {
  private let address: ServiceAddress
  private let command: Bosdyn_Api_RobotCommand
  private let clientName: String
  private var commandID: UInt32?

  init(
    index: Int,
    name: String,
    address: ServiceAddress,
    command: Bosdyn_Api_RobotCommand,
    clientName: String
  ) {
    self.address = address
    self.command = command
    self.clientName = clientName
    super.init(index: index, name: name, children: [])
  }

  override func start(_ context: TickContext) {
    self.forgetCalls()
    self.commandID = nil
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let answer = self.takeAnswer() {
      if let message = answer.failureMessage("robot command to '\(self.address)'") {
        return context.fail(message)
      }
      switch answer {
      case .answered(let response as Bosdyn_Api_RobotCommandResponse):
        if self.resendsWithNewerPlayLease(response.leaseUseResult, context) { break }
        guard response.status == .ok else {
          return context.fail(
            "robot command refused: \(response.status)"
              + (response.message.isEmpty ? "" : ": \(response.message)")
          )
        }
        self.commandID = response.robotCommandID
      case .answered(let feedback as Bosdyn_Api_RobotCommandFeedbackResponse):
        switch RobotCommandProgress(feedback.feedback) {
        case .done: return .success
        case .running: break
        case .failed(let reason): return context.fail("robot command failed: \(reason)")
        }
      default:
        break
      }
    }
    guard !self.isCalling else { return .running }
    let address = self.address
    if let id = self.commandID {
      var feedback = Bosdyn_Api_RobotCommandFeedbackRequest()
      feedback.robotCommandID = id
      let request = feedback
      self.send(context) { try await $0.robotCommandFeedback(request, at: address) }
    } else {
      var request = Bosdyn_Api_RobotCommandRequest()
      request.command = self.command
      if let lease = context.mission.leases["body"] {
        request.lease = lease.sublease(clientName: self.clientName)
      }
      let command = request
      self.send(context) { try await $0.robotCommand(command, at: address) }
    }
    return .running
  }
}
