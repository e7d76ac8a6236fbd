import BosdynAPI
import Clocks

/// Why a node that ran is no longer being ticked.
enum StopReason {
  /// Its parent did not tick it this tick, though it was ticked the tick before.
  case notTicked
  /// The mission paused, stopped, finished, restarted or was replaced after the node was ticked.
  case halted
}

/// A node of the executable tree: the shared bookkeeping of every node type.
///
/// Subclasses implement ``update(_:ranLastTick:)`` and, where they keep state, ``start(_:)``.
/// ``tick(_:)`` records the node's result for the mission state, tracks whether the node is
/// running (a node ticked while not running starts afresh) and when it was last ticked.
class ExecNode {
  /// Pre-order position in the compiled mission; the node's id is this plus one.
  let index: Int
  /// The node's name.
  let name: String
  /// The node's children, in NodeInfo order.
  let children: [ExecNode]
  /// The variables this node defines for its subtree, reported in its node state.
  let scope: BlackboardScope?

  /// Whether the node was started and has not finished.
  private(set) var active = false
  /// The tick counter of the node's last tick.
  private(set) var lastTick: Int64 = .min
  /// Whether the node stopped being ticked (or the mission halted) since its last tick.
  private(set) var stoppedSinceLastTick = false

  init(index: Int, name: String, children: [ExecNode], definesVariables: Bool = false) {
    self.index = index
    self.name = name
    self.children = children
    self.scope = definesVariables ? BlackboardScope() : nil
  }

  /// Ticks the node once and records the result.
  final func tick(_ context: TickContext) -> NodeStatus {
    let slot = context.records.count
    context.records.append(NodeRecord(node: Int32(self.index)))
    let ranLastTick = self.lastTick == context.tick - 1
    self.lastTick = context.tick
    if !self.active {
      self.active = true
      self.start(context)
    }
    let status = self.update(context, ranLastTick: ranLastTick)
    self.stoppedSinceLastTick = false
    if status.isFinished {
      self.active = false
      self.finish(context)
    }
    context.records[slot].status = status
    if status == .failure || status == .error {
      context.records[slot].error = context.error
    }
    context.error = nil
    if let scope = self.scope {
      context.records[slot].variables = scope.entries
    }
    return status
  }

  /// Ticks `child` with this node's scope pushed, so the child sees its variables.
  final func tickChild(_ child: ExecNode, _ context: TickContext) -> NodeStatus {
    guard let scope = self.scope else { return child.tick(context) }
    context.blackboard.push(scope)
    defer { context.blackboard.pop() }
    return child.tick(context)
  }

  /// Called when the node is ticked while not running: set up a fresh run.
  func start(_ context: TickContext) {}

  /// Does one tick of work.
  ///
  /// - Parameter ranLastTick: Whether the node was also ticked in the previous tick.
  func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    .success
  }

  /// Called after ``update(_:ranLastTick:)`` returned a finished status.
  func finish(_ context: TickContext) {}

  /// Called once when the node stops being ticked; nodes that talk to services say so here.
  final func stop(_ context: TickContext, reason: StopReason) {
    guard !self.stoppedSinceLastTick else { return }
    self.stoppedSinceLastTick = true
    self.stopped(context, reason: reason)
  }

  /// What the node does when it stops being ticked; the default does nothing.
  func stopped(_ context: TickContext, reason: StopReason) {}

  /// Makes the node and its running descendants start afresh at their next tick (a Switch
  /// returning to a child it left).
  final func reset() {
    guard self.active else { return }
    self.active = false
    for child in self.children { child.reset() }
  }

  /// Forgets everything of the current run of the mission (RestartMission).
  func restart() {
    self.active = false
    self.lastTick = .min
    self.stoppedSinceLastTick = false
    self.scope?.entries.removeAll()
  }

  /// A call this node made has ended.
  func deliver(_ token: UInt64, _ result: CallResult, _ context: TickContext) {}
}
