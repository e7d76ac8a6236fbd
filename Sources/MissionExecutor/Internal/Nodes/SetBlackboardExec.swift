/// SetBlackboard: writes values into variables an ancestor defined, then succeeds.
///
/// Spot requires the variables to exist; writing one that no enclosing node defines is an
/// ERROR naming it, rather than a silent new global.
final class SetBlackboardExec: ExecNode {
  private let variables: [(name: String, value: ValueSource)]

  init(index: Int, name: String, variables: [(name: String, value: ValueSource)]) {
    self.variables = variables
    super.init(index: index, name: name, children: [])
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    for (name, source) in self.variables {
      let value: BlackboardValue
      do {
        value = try context.blackboard.evaluate(source)
      } catch {
        return context.raise("value for '\(name)': \(error)")
      }
      guard context.blackboard.write(name, value, at: context.now) else {
        return context.raise(Self.undefinedMessage(name))
      }
    }
    return .success
  }

  /// Why a write to an undefined variable fails.
  static func undefinedMessage(_ name: String) -> String {
    "blackboard variable '\(name)' is not defined (define it with DefineBlackboard first)"
  }
}
