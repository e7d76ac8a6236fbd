import BosdynCore
/// ForDuration: ticks its child for at most a duration of mission time (time while the mission
/// plays; pauses do not count).
///
/// The duration is read when the node starts. While time remains, the seconds left are written
/// (as a float) to `time_remaining_name`, a variable the node defines for its children. A child
/// that finishes in time gives its result. Once time is up the child is no longer ticked (a
/// RemoteGrpc in it gets its Stop) and the timeout child runs, without a time limit, and gives
/// its result; without a timeout child the node fails.
final class ForDurationExec: ExecNode {
  private let plan: ForDurationPlan
  private var startedAt: Duration = .zero
  private var limit: Result<Duration, ReadError> = .success(.zero)
  private var timedOut = false

  init(index: Int, name: String, plan: ForDurationPlan, children: [ExecNode]) {
    self.plan = plan
    super.init(
      index: index,
      name: name,
      children: children,
      definesVariables: plan.timeRemainingName != nil
    )
  }

  override func start(_ context: TickContext) {
    self.startedAt = context.missionTime
    self.timedOut = false
    do {
      self.limit = .success(try self.plan.duration.resolve(context.blackboard))
    } catch {
      self.limit = .failure(error)
    }
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    let limit: Duration
    switch self.limit {
    case .success(let value): limit = value
    case .failure(let error): return context.raise("duration: \(error)")
    }
    if !self.timedOut {
      let remaining = limit - (context.missionTime - self.startedAt)
      if remaining > .zero {
        if let name = self.plan.timeRemainingName {
          self.scope?.define(name, .float(remaining.seconds), at: context.now)
        }
        return self.tickChild(self.children[0], context)
      }
      self.timedOut = true
      if let name = self.plan.timeRemainingName {
        self.scope?.define(name, .float(0), at: context.now)
      }
    }
    guard self.plan.hasTimeoutChild else {
      return context.fail("the child did not finish within \(limit.seconds) s")
    }
    return self.tickChild(self.children[1], context)
  }
}
