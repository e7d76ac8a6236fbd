/// DefineBlackboard: defines variables for its child's subtree, then runs the child.
///
/// Initial values are evaluated when the node starts, in the scope around the node (so a
/// value may copy an outer variable). The variables live as long as the node runs and are
/// reported in its node state.
final class DefineBlackboardExec: ExecNode {
  private let variables: [(name: String, value: ValueSource)]
  private var startError: String?

  init(
    index: Int,
    name: String,
    variables: [(name: String, value: ValueSource)],
    child: ExecNode
  ) {
    self.variables = variables
    super.init(index: index, name: name, children: [child], definesVariables: true)
  }

  override func start(_ context: TickContext) {
    self.startError = nil
    self.scope?.entries.removeAll(keepingCapacity: true)
    for (name, value) in self.variables {
      do {
        self.scope?.define(name, try context.blackboard.evaluate(value), at: context.now)
      } catch {
        self.startError = "variable '\(name)': \(error)"
        return
      }
    }
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if let error = self.startError { return context.raise(error) }
    return self.tickChild(self.children[0], context)
  }
}
