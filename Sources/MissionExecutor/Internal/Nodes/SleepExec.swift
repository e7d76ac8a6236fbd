/// Sleep: succeeds once a duration of mission time has passed since it started.
///
/// Mission time does not advance while the mission is paused, so a paused Sleep resumes with
/// the time it had left. When the node was stopped (its parent stopped ticking it, or the
/// mission paused) and `restart_after_stop` is set, it sleeps the whole duration again.
final class SleepExec: ExecNode {
  private let plan: SleepPlan
  private var duration: Result<Duration, ReadError> = .success(.zero)
  private var endsAt: Duration = .zero

  init(index: Int, name: String, plan: SleepPlan) {
    self.plan = plan
    super.init(index: index, name: name, children: [])
  }

  override func start(_ context: TickContext) {
    do {
      self.duration = .success(try self.plan.duration.resolve(context.blackboard))
    } catch {
      self.duration = .failure(error)
    }
    self.endsAt = context.missionTime + ((try? self.duration.get()) ?? .zero)
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    let duration: Duration
    switch self.duration {
    case .success(let value): duration = value
    case .failure(let error): return context.raise("duration: \(error)")
    }
    if self.stoppedSinceLastTick && self.plan.restartAfterStop {
      self.endsAt = context.missionTime + duration
    }
    return context.missionTime >= self.endsAt ? .success : .running
  }
}
