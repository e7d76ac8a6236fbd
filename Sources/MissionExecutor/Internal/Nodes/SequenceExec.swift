/// Sequence: ticks children in order until one fails.
///
/// Without `always_restart` it resumes at the child it was ticking, if it ran in the previous
/// tick; otherwise (and always with `always_restart`) it begins again with the first child.
final class SequenceExec: ExecNode {
  private let alwaysRestart: Bool
  private var current = 0

  init(index: Int, name: String, alwaysRestart: Bool, children: [ExecNode]) {
    self.alwaysRestart = alwaysRestart
    super.init(index: index, name: name, children: children)
  }

  override func start(_ context: TickContext) {
    self.current = 0
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if self.alwaysRestart || !ranLastTick { self.current = 0 }
    while self.current < self.children.count {
      let status = self.children[self.current].tick(context)
      guard status == .success else { return status }
      self.current += 1
    }
    return .success
  }
}
