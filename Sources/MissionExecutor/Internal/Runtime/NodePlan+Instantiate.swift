extension NodePlan {
  /// Builds the executable nodes of a compiled tree, one per plan (so a node used through
  /// references is one executable node), indexed by pre-order position.
  static func instantiate(_ plans: [NodePlan], clientName: String) -> [ExecNode] {
    var nodes: [ExecNode?] = Array(repeating: nil, count: plans.count)
    func make(_ plan: NodePlan) -> ExecNode {
      if let node = nodes[plan.index] { return node }
      let children = plan.children.map(make)
      let node = plan.makeNode(children: children, clientName: clientName)
      nodes[plan.index] = node
      return node
    }
    for plan in plans { _ = make(plan) }
    return nodes.map { $0! }
  }

  private func makeNode(children: [ExecNode], clientName: String) -> ExecNode {
    let index = self.index
    let name = self.name
    switch self.kind {
    case .sequence(let alwaysRestart):
      return SequenceExec(
        index: index,
        name: name,
        alwaysRestart: alwaysRestart,
        children: children
      )
    case .selector(let alwaysRestart):
      return SelectorExec(
        index: index,
        name: name,
        alwaysRestart: alwaysRestart,
        children: children
      )
    case .switchNode(let plan):
      return SwitchExec(index: index, name: name, plan: plan, children: children)
    case .repeatNode(let plan):
      return RepeatExec(index: index, name: name, plan: plan, child: children[0])
    case .retry(let plan):
      return RetryExec(index: index, name: name, plan: plan, child: children[0])
    case .forDuration(let plan):
      return ForDurationExec(index: index, name: name, plan: plan, children: children)
    case .simpleParallel(let once, let secondaryFirst):
      return SimpleParallelExec(
        index: index,
        name: name,
        runSecondaryOnce: once,
        secondaryFirst: secondaryFirst,
        children: children
      )
    case .parallelAnd(let finishEveryNode):
      return ParallelAndExec(
        index: index,
        name: name,
        finishEveryNode: finishEveryNode,
        children: children
      )
    case .sleep(let plan):
      return SleepExec(index: index, name: name, plan: plan)
    case .constantResult(let result):
      return ConstantResultExec(index: index, name: name, result: result)
    case .condition(let plan):
      return ConditionExec(index: index, name: name, plan: plan)
    case .defineBlackboard(let variables):
      return DefineBlackboardExec(
        index: index,
        name: name,
        variables: variables,
        child: children[0]
      )
    case .setBlackboard(let variables):
      return SetBlackboardExec(index: index, name: name, variables: variables)
    case .formatBlackboard(let key, let format):
      return FormatBlackboardExec(index: index, name: name, key: key, format: format)
    case .dateToBlackboard(let key):
      return DateToBlackboardExec(index: index, name: name, key: key)
    case .prompt(let plan):
      return PromptExec(index: index, name: name, plan: plan, children: children)
    case .remoteGrpc(let plan):
      return RemoteGrpcExec(index: index, name: name, plan: plan, clientName: clientName)
    case .retainLease(let address):
      return RetainLeaseExec(index: index, name: name, address: address)
    case .robotState(let address, let stateName):
      return RobotStateExec(
        index: index,
        name: name,
        address: address,
        stateName: stateName,
        child: children[0]
      )
    case .powerRequest(let address, let request):
      return PowerRequestExec(
        index: index,
        name: name,
        address: address,
        request: request,
        clientName: clientName
      )
    case .robotCommand(let address, let command):
      return RobotCommandExec(
        index: index,
        name: name,
        address: address,
        command: command,
        clientName: clientName
      )
    case .navigate(let plan):
      return NavigateExec(index: index, name: name, plan: plan, clientName: clientName)
    case .createMissionText(let text, let severity):
      return CreateMissionTextExec(
        index: index,
        name: name,
        text: text,
        severity: severity,
        children: children
      )
    }
  }
}
