import BosdynAPI
import SwiftProtobuf

/// Prompt: asks a question in the mission state, waits for the answer, writes it to the
/// blackboard under `source` (a variable the node defines for its child), then runs its child.
///
/// The question is built when the node starts: a new id (unique across the controller's
/// missions), the text formatted from the blackboard, the options (from `options_list`, the
/// deprecated `options`, or `options_list_in_blackboard`, copied into `Question.options`, which
/// clients read) or the custom params spec. Without `always_reprompt` a node answered earlier in
/// this run of the mission reuses that answer instead of asking again. Answer codes are written
/// as ints, custom params as a `DictParam` message. Without a child the node succeeds once
/// answered. A Prompt its parent stops ticking withdraws its question (and asks anew if ticked
/// again); pausing the mission keeps it.
final class PromptExec: ExecNode {
  private let plan: PromptPlan

  private enum Phase {
    case asking(Int64)
    case withdrawn
    case answered(PromptAnswer)
    case broken(String)
  }

  private var phase = Phase.withdrawn
  private var earlierAnswer: PromptAnswer?

  init(index: Int, name: String, plan: PromptPlan, children: [ExecNode]) {
    self.plan = plan
    super.init(index: index, name: name, children: children, definesVariables: true)
  }

  override func start(_ context: TickContext) {
    self.scope?.entries.removeAll()
    if !self.plan.alwaysReprompt, let answer = self.earlierAnswer {
      self.accept(answer, context)
    } else {
      self.ask(context)
    }
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    switch self.phase {
    case .broken(let message):
      return context.raise(message)
    case .withdrawn:
      self.ask(context)
      return self.update(context, ranLastTick: ranLastTick)
    case .asking(let id):
      if let name = self.plan.questionNameInBlackboard,
        let question = context.mission.questions.outstanding(id)?.question,
        !context.blackboard.write(name, BlackboardValue(message: question), at: context.now)
      {
        return context.raise(SetBlackboardExec.undefinedMessage(name))
      }
      return .running
    case .answered:
      guard self.plan.hasChild else { return .success }
      return self.tickChild(self.children[0], context)
    }
  }

  /// The controller accepted an answer to this node's question.
  func answered(_ answer: PromptAnswer, _ context: TickContext) {
    guard case .asking = self.phase else { return }
    self.earlierAnswer = answer
    self.accept(answer, context)
  }

  private func accept(_ answer: PromptAnswer, _ context: TickContext) {
    self.phase = .answered(answer)
    let value: BlackboardValue
    switch answer {
    case .code(let code): value = .int(code)
    case .customParams(let params): value = BlackboardValue(message: params)
    }
    if !self.plan.source.isEmpty {
      self.scope?.define(self.plan.source, value, at: context.now)
    }
  }

  private func ask(_ context: TickContext) {
    do {
      let question = try self.question(context)
      context.mission.questions.ask(question, node: self.index)
      self.phase = .asking(question.id)
    } catch {
      self.phase = .broken(error.description)
    }
  }

  private func question(_ context: TickContext) throws(ReadError) -> Bosdyn_Api_Mission_Question {
    var question = Bosdyn_Api_Mission_Question()
    question.id = context.mission.nextQuestionID()
    question.source = self.plan.source
    question.text = try self.plan.text.render(context.blackboard)
    question.forAutonomousProcessing = self.plan.forAutonomousProcessing
    question.autonomyKey = self.plan.autonomyKey
    switch self.plan.answers {
    case .options(let options):
      question.options = options
    case .optionsInBlackboard(let ref):
      question.options = try Self.read(ref, as: Bosdyn_Api_Mission_Prompt.OptionsList.self, context)
        .options
    case .customParams(let spec):
      question.customParams = spec
    case .customParamsInBlackboard(let ref):
      question.customParams = try Self.read(ref, as: Bosdyn_Api_DictParam.Spec.self, context)
    }
    switch self.plan.severity {
    case .fixed(let severity):
      question.severity = severity
    case .blackboard(let ref):
      guard let (read, _) = context.blackboard.read(ref) else { throw .undefined(ref.name) }
      guard case .value(.int(let level)) = read,
        let severity = Bosdyn_Api_AlertData.SeverityLevel(rawValue: Int(level))
      else {
        throw ReadError(description: "severity_in_blackboard '\(ref.name)' must hold an int level")
      }
      question.severity = severity
    }
    return question
  }

  private static func read<M: SwiftProtobuf.Message>(
    _ ref: VariableRef,
    as type: M.Type,
    _ context: TickContext
  ) throws(ReadError) -> M {
    guard let (read, _) = context.blackboard.read(ref) else { throw .undefined(ref.name) }
    guard case .value(let value) = read, let message = value.message(as: M.self) else {
      throw ReadError(description: "'\(ref.name)' must hold a \(M.protoMessageName)")
    }
    return message
  }

  override func stopped(_ context: TickContext, reason: StopReason) {
    guard reason == .notTicked, case .asking(let id) = self.phase else { return }
    context.mission.questions.withdraw(id)
    self.phase = .withdrawn
  }

  override func restart() {
    super.restart()
    self.phase = .withdrawn
    self.earlierAnswer = nil
  }
}
