import BosdynAPI
import BosdynClient
import BosdynCore

/// BosdynPowerRequest: sends a power command and succeeds when its feedback says so.
///
/// The command carries a sublease of the `body` lease given to play, when there is one. While
/// the command is in progress the node polls its feedback, one request per tick; any status
/// other than in-progress or success fails the node with the status's name.
final class PowerRequestExec: EnvironmentCallExec {
  private let address: ServiceAddress
  private let request: Bosdyn_Api_PowerCommandRequest.Request
  private let clientName: String
  private var commandID: UInt32?

  init(
    index: Int,
    name: String,
    address: ServiceAddress,
    request: Bosdyn_Api_PowerCommandRequest.Request,
    clientName: String
  ) {
    self.address = address
    self.request = request
    self.clientName = clientName
    super.init(index: index, name: name, children: [])
  }

  override func start(_ context: TickContext) {
    self.forgetCalls()
    self.commandID = nil
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let answer = self.takeAnswer() {
      if let message = answer.failureMessage("power command to '\(self.address)'") {
        return context.fail(message)
      }
      switch answer {
      case .answered(let response as Bosdyn_Api_PowerCommandResponse):
        if self.resendsWithNewerPlayLease(response.leaseUseResult, context) { break }
        switch response.status {
        case .statusSuccess: return .success
        case .statusInProgress: self.commandID = response.powerCommandID
        default: return context.fail("power command refused: \(response.status)")
        }
      case .answered(let feedback as Bosdyn_Api_PowerCommandFeedbackResponse):
        switch feedback.status {
        case .statusSuccess: return .success
        case .statusInProgress: break
        default: return context.fail("power command failed: \(feedback.status)")
        }
      default:
        break
      }
    }
    guard !self.isCalling else { return .running }
    let address = self.address
    if let id = self.commandID {
      var feedback = Bosdyn_Api_PowerCommandFeedbackRequest()
      feedback.powerCommandID = id
      let request = feedback
      self.send(context) { try await $0.powerCommandFeedback(request, at: address) }
    } else {
      var command = Bosdyn_Api_PowerCommandRequest()
      command.request = self.request
      if let lease = context.mission.leases["body"] {
        command.lease = lease.sublease(clientName: self.clientName)
      }
      let request = command
      self.send(context) { try await $0.powerCommand(request, at: address) }
    }
    return .running
  }
}
