/// ConstantResult: returns its result on every tick.
final class ConstantResultExec: ExecNode {
  private let result: NodeStatus

  init(index: Int, name: String, result: NodeStatus) {
    self.result = result
    super.init(index: index, name: name, children: [])
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    switch self.result {
    case .error: context.raise("ConstantResult returns RESULT_ERROR")
    case .failure: context.fail("ConstantResult returns RESULT_FAILURE")
    case .running, .success: self.result
    }
  }
}
