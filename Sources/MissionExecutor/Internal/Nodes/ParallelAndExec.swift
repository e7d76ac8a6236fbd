/// ParallelAnd: ticks every unfinished child each tick; succeeds when all have succeeded.
///
/// A failing child fails the node at once (the children after it are not ticked that tick)
/// unless `finish_every_node`, in which case the others run to the end and the node then fails.
/// An ERROR always ends the node at once.
final class ParallelAndExec: ExecNode {
  private let finishEveryNode: Bool
  private var results: [NodeStatus?] = []

  init(index: Int, name: String, finishEveryNode: Bool, children: [ExecNode]) {
    self.finishEveryNode = finishEveryNode
    super.init(index: index, name: name, children: children)
  }

  override func start(_ context: TickContext) {
    self.results = Array(repeating: nil, count: self.children.count)
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    var running = false
    for position in self.children.indices where self.results[position] == nil {
      let status = self.children[position].tick(context)
      switch status {
      case .running:
        running = true
      case .success:
        self.results[position] = .success
      case .failure:
        self.results[position] = .failure
        if !self.finishEveryNode { return .failure }
      case .error:
        return .error
      }
    }
    if running { return .running }
    return self.results.contains { $0 == .failure } ? .failure : .success
  }
}
