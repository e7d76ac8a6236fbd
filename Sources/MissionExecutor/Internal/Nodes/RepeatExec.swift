/// Repeat: starts its child `max_starts` times, one start per tick.
///
/// A child that finishes is started again at the next tick (not the same one, so a child that
/// finishes at once cannot spin a tick forever). With `respect_child_failure` a failing child
/// fails the Repeat; otherwise failures are ignored and the Repeat succeeds after the last
/// start. `max_starts` 0 succeeds without starting the child. The 0-based start index is
/// written to `start_counter_state_name`, a variable the Repeat defines for its child.
final class RepeatExec: ExecNode {
  private let plan: RepeatPlan
  private var starts: Int32 = 0
  private var childRunning = false

  init(index: Int, name: String, plan: RepeatPlan, child: ExecNode) {
    self.plan = plan
    super.init(
      index: index,
      name: name,
      children: [child],
      definesVariables: plan.counterName != nil
    )
  }

  override func start(_ context: TickContext) {
    self.starts = 0
    self.childRunning = false
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    guard self.plan.maxStarts > 0 else { return .success }
    if !self.childRunning {
      self.starts += 1
      self.childRunning = true
      if let name = self.plan.counterName {
        self.scope?.define(name, .int(Int64(self.starts - 1)), at: context.now)
      }
    }
    let status = self.tickChild(self.children[0], context)
    guard status != .running else { return .running }
    self.childRunning = false
    if status == .error { return .error }
    if status == .failure && self.plan.respectChildFailure { return .failure }
    return self.starts >= self.plan.maxStarts ? .success : .running
  }
}
