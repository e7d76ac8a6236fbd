import BosdynAPI
import BosdynMission

extension [WalkStep] {
  /// The walk as the mission the robot's mission service plays: a sequence of its steps, in
  /// order, each node named after its place and what it does.
  ///
  /// A callback step is a RemoteGrpc node with the body lease (what the power-off callback
  /// needs, and what the tablet gives an action's callback), its form's values as parameters,
  /// and the console's run timeout; a question is a Prompt node whose options answer with
  /// codes 0, 1, … in order, and which succeeds once answered.
  func mission(callbackTimeout: Duration) -> Bosdyn_Api_Mission_Node {
    let nodes = self.enumerated().map { index, step -> Bosdyn_Api_Mission_Node in
      let place = index + 1
      switch step.action {
      case .callback(let name, let params):
        return .remoteGrpc(
          "\(place). \(name)",
          serviceName: name,
          timeout: callbackTimeout,
          leaseResources: ["body"],
          params: params
        )
      case .prompt(let text, let options):
        return .prompt(
          "\(place). Question",
          text: text,
          source: "answer_\(place)",
          options: options.enumerated().map { (text: $1, code: Int64($0)) }
        )
      }
    }
    return .sequence("Walk", nodes)
  }
}
