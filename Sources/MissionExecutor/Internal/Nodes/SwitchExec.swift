/// Switch: runs the child chosen by the pivot value, or the default child.
///
/// Without `always_restart` the pivot is read when the node starts; with it, on every tick, and
/// a child the switch leaves is reset, so returning to it later restarts it.
final class SwitchExec: ExecNode {
  private let plan: SwitchPlan
  private var chosen: Int?

  init(index: Int, name: String, plan: SwitchPlan, children: [ExecNode]) {
    self.plan = plan
    super.init(index: index, name: name, children: children)
  }

  override func start(_ context: TickContext) {
    self.chosen = nil
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if self.plan.alwaysRestart || self.chosen == nil {
      let pivot: Int64
      do {
        switch try context.blackboard.evaluate(self.plan.pivot) {
        case .int(let value): pivot = value
        case .float(let value) where value == value.rounded() && abs(value) < 9e18:
          pivot = Int64(value)
        case let other:
          return context.raise("pivot_value must be an int, found a \(other.typeDescription)")
        }
      } catch {
        return context.raise("pivot_value: \(error)")
      }
      guard let position = self.plan.cases[pivot] ?? self.plan.defaultChild else {
        return context.fail("no child for pivot value \(pivot) and no default_child")
      }
      if let previous = self.chosen, previous != position {
        self.children[previous].reset()
      }
      self.chosen = position
    }
    return self.children[self.chosen!].tick(context)
  }
}
