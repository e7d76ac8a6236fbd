import BosdynAPI
import Clocks

/// BosdynRobotState: writes the robot's state under `state_name` (a variable the node defines
/// for its child), then runs the child.
///
/// Each tick asks the environment for a fresh state (one request at a time) and runs the child
/// with the newest state received, whose write time is when it arrived, so Conditions judge its
/// staleness truthfully. The newest state is kept across runs of the node: only its very first
/// run waits (RUNNING) for a state, which keeps an always-restarting Selector over it from
/// stalling. Without any state and with a failed request, the node fails with the reason.
final class RobotStateExec: EnvironmentCallExec {
  private let address: ServiceAddress
  private let stateName: String
  private var newest: (value: BlackboardValue, at: AnyClock<Duration>.Instant)?
  private var lastError: String?

  init(index: Int, name: String, address: ServiceAddress, stateName: String, child: ExecNode) {
    self.address = address
    self.stateName = stateName
    super.init(index: index, name: name, children: [child], definesVariables: true)
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let answer = self.takeAnswer() {
      if case .answered(let state as Bosdyn_Api_RobotState) = answer {
        self.newest = (BlackboardValue(message: state), context.now)
        self.lastError = nil
      } else {
        self.lastError = answer.failureMessage("robot state from '\(self.address)'")
      }
    }
    if !self.isCalling {
      let address = self.address
      self.send(context) { try await $0.robotState(from: address) }
    }
    guard let newest = self.newest else {
      if let error = self.lastError { return context.fail(error) }
      return .running
    }
    self.scope?.entries[self.stateName] = BlackboardEntry(value: newest.value, writtenAt: newest.at)
    return self.tickChild(self.children[0], context)
  }

  override func restart() {
    super.restart()
    self.newest = nil
    self.lastError = nil
  }
}
