import BosdynAPI

extension [WalkStep] {
  /// The steps of a mission file the walks page saved: its root's sequence of RemoteGrpc and
  /// Prompt nodes, back as callbacks (with their parameters) and questions. `nil` for any other
  /// mission, which the console cannot show as a walk.
  init?(mission root: Bosdyn_Api_Mission_Node) {
    guard case .sequence(let sequence) = root.type, !sequence.children.isEmpty else { return nil }
    var steps: [WalkStep] = []
    for node in sequence.children {
      switch node.type {
      case .remoteGrpc(let call) where !call.serviceName.isEmpty:
        steps.append(WalkStep(.callback(name: call.serviceName, params: call.params)))
      case .prompt(let prompt) where !prompt.optionsList.options.isEmpty:
        steps.append(
          WalkStep(.prompt(text: prompt.text, options: prompt.optionsList.options.map(\.text)))
        )
      default:
        return nil
      }
    }
    self = steps
  }
}
