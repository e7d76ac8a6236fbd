/// Retry: runs its child until it succeeds, at most `max_attempts` times.
///
/// A failed attempt is followed by the next one at the next tick. The 0-based attempt index is
/// written to `attempt_counter_state_name`, a variable the Retry defines for its child.
/// `max_attempts` 0 fails without running the child.
final class RetryExec: ExecNode {
  private let plan: RetryPlan
  private var attempts: Int32 = 0
  private var childRunning = false

  init(index: Int, name: String, plan: RetryPlan, child: ExecNode) {
    self.plan = plan
    super.init(
      index: index,
      name: name,
      children: [child],
      definesVariables: plan.counterName != nil
    )
  }

  override func start(_ context: TickContext) {
    self.attempts = 0
    self.childRunning = false
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    guard self.plan.maxAttempts > 0 else { return context.fail("max_attempts is 0") }
    if !self.childRunning {
      self.attempts += 1
      self.childRunning = true
      if let name = self.plan.counterName {
        self.scope?.define(name, .int(Int64(self.attempts - 1)), at: context.now)
      }
    }
    let status = self.tickChild(self.children[0], context)
    guard status == .failure else { return status }
    self.childRunning = false
    guard self.attempts < self.plan.maxAttempts else {
      return context.fail("the child failed \(self.attempts) times")
    }
    return .running
  }
}
