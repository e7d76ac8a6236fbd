/// Selector: ticks children in order until one succeeds.
///
/// Like ``SequenceExec`` it resumes at the child it was ticking unless `always_restart` is set
/// or it did not run in the previous tick. A later child left running when an earlier one
/// returns RUNNING stays running, as nodes.proto describes (use Switch to avoid that).
final class SelectorExec: ExecNode {
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
      guard status == .failure else { return status }
      self.current += 1
    }
    return .failure
  }
}
