/// SimpleParallel: ticks the primary, and the secondary alongside while the primary runs.
///
/// The primary is ticked first each tick; its result is the node's. The secondary is ticked in
/// every tick in which the primary is still running, and in the first tick even when the
/// primary finishes at once (nodes.proto promises at least one tick). A secondary that finishes
/// is started again at the next tick, unless `run_secondary_node_once`. With
/// `tick_secondary_node_first` the secondary goes first in each tick (and so is ticked in every
/// tick the node is). An ERROR from either ends the node.
final class SimpleParallelExec: ExecNode {
  private let runSecondaryOnce: Bool
  private let secondaryFirst: Bool
  private var secondaryTicked = false
  private var secondaryDone = false

  init(
    index: Int,
    name: String,
    runSecondaryOnce: Bool,
    secondaryFirst: Bool,
    children: [ExecNode]
  ) {
    self.runSecondaryOnce = runSecondaryOnce
    self.secondaryFirst = secondaryFirst
    super.init(index: index, name: name, children: children)
  }

  override func start(_ context: TickContext) {
    self.secondaryTicked = false
    self.secondaryDone = false
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if self.secondaryFirst {
      if self.tickSecondary(context) == .error { return .error }
      return self.children[0].tick(context)
    }
    let primary = self.children[0].tick(context)
    if primary == .error { return .error }
    if primary == .running || !self.secondaryTicked {
      if self.tickSecondary(context) == .error { return .error }
    }
    return primary
  }

  private func tickSecondary(_ context: TickContext) -> NodeStatus? {
    guard !(self.runSecondaryOnce && self.secondaryDone) else { return nil }
    let secondary = self.children[1].tick(context)
    self.secondaryTicked = true
    if secondary.isFinished { self.secondaryDone = true }
    return secondary
  }
}
