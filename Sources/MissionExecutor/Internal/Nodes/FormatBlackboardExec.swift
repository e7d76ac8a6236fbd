/// FormatBlackboard: formats a string from the blackboard and writes it to a defined variable.
final class FormatBlackboardExec: ExecNode {
  private let key: String
  private let format: TextFormat

  init(index: Int, name: String, key: String, format: TextFormat) {
    self.key = key
    self.format = format
    super.init(index: index, name: name, children: [])
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    let text: String
    do {
      text = try self.format.render(context.blackboard)
    } catch {
      return context.raise("format \"\(self.format.source)\": \(error)")
    }
    guard context.blackboard.write(self.key, .string(text), at: context.now) else {
      return context.raise(SetBlackboardExec.undefinedMessage(self.key))
    }
    return .success
  }
}
