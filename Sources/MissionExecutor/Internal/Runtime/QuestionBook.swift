import BosdynAPI

/// An answer to a Prompt's question.
enum PromptAnswer: Sendable {
  case code(Int64)
  case customParams(Bosdyn_Api_DictParam)
}

/// The questions a mission has asked and not yet had answered, and a bounded list of the answered
/// ones, as `State.questions` and `State.answered_questions` report them.
struct QuestionBook {
  struct Outstanding {
    var node: Int
    var question: Bosdyn_Api_Mission_Question
  }

  private(set) var outstanding: [Outstanding] = []
  private(set) var answered: [Bosdyn_Api_Mission_State.AnsweredQuestion] = []
  let answeredCapacity: Int

  init(answeredCapacity: Int) {
    self.answeredCapacity = max(1, answeredCapacity)
  }

  mutating func ask(_ question: Bosdyn_Api_Mission_Question, node: Int) {
    self.outstanding.append(Outstanding(node: node, question: question))
  }

  mutating func withdraw(_ id: Int64) {
    self.outstanding.removeAll { $0.question.id == id }
  }

  mutating func removeAllOutstanding() {
    self.outstanding.removeAll()
  }

  mutating func removeAll() {
    self.outstanding.removeAll()
    self.answered.removeAll()
  }

  func outstanding(_ id: Int64) -> Outstanding? {
    self.outstanding.first { $0.question.id == id }
  }

  func isAnswered(_ id: Int64) -> Bool {
    self.answered.contains { $0.question.id == id }
  }

  /// Moves an outstanding question to the answered list.
  mutating func recordAnswer(_ id: Int64, _ answer: PromptAnswer) {
    guard let index = self.outstanding.firstIndex(where: { $0.question.id == id }) else { return }
    var answered = Bosdyn_Api_Mission_State.AnsweredQuestion()
    answered.question = self.outstanding[index].question
    switch answer {
    case .code(let code): answered.acceptedAnswerCode = code
    case .customParams(let params): answered.customParams = params
    }
    self.outstanding.remove(at: index)
    self.answered.append(answered)
    if self.answered.count > self.answeredCapacity {
      self.answered.removeFirst(self.answered.count - self.answeredCapacity)
    }
  }
}
