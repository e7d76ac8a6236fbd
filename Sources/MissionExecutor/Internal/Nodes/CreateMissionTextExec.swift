import BosdynAPI

/// CreateMissionText: shows a text in the mission state while its child runs.
///
/// The text is formatted from the blackboard on every tick; it is active (listed in
/// `State.active_mission_text`) in the ticks in which the child returns RUNNING, as the release
/// notes define "active". Without a child the node succeeds at once and its text is never
/// active.
final class CreateMissionTextExec: ExecNode {
  private let text: TextFormat
  private let severity: Bosdyn_Api_AlertData.SeverityLevel

  init(
    index: Int,
    name: String,
    text: TextFormat,
    severity: Bosdyn_Api_AlertData.SeverityLevel,
    children: [ExecNode]
  ) {
    self.text = text
    self.severity = severity
    super.init(index: index, name: name, children: children)
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    guard let child = self.children.first else { return .success }
    let rendered: String
    do {
      rendered = try self.text.render(context.blackboard)
    } catch {
      return context.raise("mission_text: \(error)")
    }
    let status = child.tick(context)
    if status == .running {
      var text = Bosdyn_Api_Mission_MissionText()
      text.text = rendered
      text.severity = self.severity
      text.nodeID = Int64(self.index) + 1
      context.missionTexts.append(text)
    }
    return status
  }
}
