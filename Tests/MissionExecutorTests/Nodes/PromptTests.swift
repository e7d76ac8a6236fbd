import BosdynAPI
import MissionExecutor
import ServiceCustomization
import SwiftProtobuf
import Testing

@Suite("Prompt nodes and answering questions", .timeLimit(.minutes(1)))
struct PromptTests {
  private func option(_ text: String, _ code: Int64) -> Bosdyn_Api_Mission_Prompt.Option {
    var option = Bosdyn_Api_Mission_Prompt.Option()
    option.text = text
    option.answerCode = code
    return option
  }

  /// Asks "Cross the street, {who}?" with options 1 (yes) and 2 (no); the child checks the answer
  /// is 1.
  private func crossing(alwaysReprompt: Bool = false) -> Node {
    .define(
      "vars",
      [.entry("who", .string("Spot"))],
      child: .make("ask") {
        $0.prompt.text = "Cross the street, {who}?"
        $0.prompt.source = "answer"
        $0.prompt.optionsList.options = [self.option("yes", 1), self.option("no", 2)]
        $0.prompt.alwaysReprompt = alwaysReprompt
        $0.prompt.severity = .warn
        $0.prompt.autonomyKey = "street"
        $0.prompt.child = .condition("said yes", .variable("answer", .int), .eq, .constant(.int(1)))
      }
    )
  }

  @Test func aPromptAsksWithOptionsFilledFromTheListAndWaits() async throws {
    let harness = Harness()
    try await harness.run(self.crossing()) { await $0.cycle(3) }
    let state = harness.controller.state()
    #expect(state.status == .running)
    let question = try #require(state.questions.first)
    #expect(state.questions.count == 1)
    #expect(question.text == "Cross the street, Spot?")
    #expect(question.source == "answer")
    #expect(question.options.map(\.answerCode) == [1, 2])
    #expect(question.options.map(\.text) == ["yes", "no"])
    #expect(question.severity == .warn && question.autonomyKey == "street")
    #expect(question.id > 0)
  }

  @Test func theAnswerIsWrittenUnderSourceAndTheChildRuns() async throws {
    let harness = Harness()
    try await harness.run(self.crossing()) { stepper in
      await stepper.cycle()
      let id = try #require(harness.controller.state().questions.first?.id)
      #expect(harness.controller.answerQuestion(id: id, code: 1).status == .ok)
      await stepper.cycle()
      let state = harness.controller.state()
      #expect(state.questions.isEmpty)
      #expect(state.answeredQuestions.map(\.acceptedAnswerCode) == [1])
      #expect(harness.nodeStates()["ask"]?.variable("answer")?.intValue == 1)
    }
    #expect(harness.status == .success)
  }

  @Test func answersAreCheckedAgainstTheQuestion() async throws {
    let harness = Harness()
    try await harness.run(self.crossing()) { stepper in
      await stepper.cycle()
      let id = try #require(harness.controller.state().questions.first?.id)
      let controller = harness.controller
      #expect(controller.answerQuestion(id: id + 100, code: 1).status == .invalidQuestionID)
      #expect(controller.answerQuestion(id: id, code: 3).status == .invalidCode)
      #expect(
        controller.answerQuestion(id: id, customParams: .init()).status == .incompatibleAnswer
      )
      var empty = Bosdyn_Api_Mission_AnswerQuestionRequest()
      empty.questionID = id
      #expect(controller.answerQuestion(empty).status == .incompatibleAnswer)
      #expect(controller.answerQuestion(id: id, code: 2).status == .ok)
      #expect(controller.answerQuestion(id: id, code: 2).status == .alreadyAnswered)
      await stepper.cycle()
    }
    #expect(harness.status == .failure)
  }

  private var boolSpec: Bosdyn_Api_DictParam.Spec {
    DictSpec {
      Param("safe", .bool(default: false), displayName: "Is it safe?")
    }.proto
  }

  @Test func customParamAnswersAreValidatedWithTheSpec() async throws {
    let tree = Node.make("ask") {
      $0.prompt.text = "Check the area"
      $0.prompt.source = "check"
      $0.prompt.customParams = self.boolSpec
    }
    let harness = Harness()
    try await harness.run(tree) { stepper in
      await stepper.cycle()
      let question = try #require(harness.controller.state().questions.first)
      #expect(question.customParams == self.boolSpec)
      #expect(
        harness.controller.answerQuestion(id: question.id, code: 1).status == .incompatibleAnswer
      )

      var wrong = Bosdyn_Api_DictParam()
      var text = Bosdyn_Api_CustomParam()
      text.stringValue.value = "yes"
      wrong.values["safe"] = text
      let refused = harness.controller.answerQuestion(id: question.id, customParams: wrong)
      #expect(refused.status == .customParamsError)
      #expect(refused.customParamError?.status == .invalidValue)
      #expect(refused.customParamError?.errorMessages.isEmpty == false)

      var right = Bosdyn_Api_DictParam()
      var yes = Bosdyn_Api_CustomParam()
      yes.boolValue.value = true
      right.values["safe"] = yes
      #expect(harness.controller.answerQuestion(id: question.id, customParams: right).status == .ok)
      await stepper.cycle()
      let answer = harness.nodeStates()["ask"]?.variable("check")?.msgValue
      #expect(answer?.typeURL.hasSuffix("bosdyn.api.DictParam") == true)
    }
    #expect(harness.status == .success)
  }

  @Test func withoutAlwaysRepromptAnAnsweredPromptIsNotAskedAgain() async throws {
    func askTwice(alwaysReprompt: Bool) async throws -> (questions: Int, ids: Set<Int64>) {
      let tree = Node.make("twice") {
        $0.repeat.maxStarts = 2
        $0.repeat.child = self.crossing(alwaysReprompt: alwaysReprompt)
      }
      let harness = Harness()
      var ids: Set<Int64> = []
      var asked = 0
      try await harness.run(tree) { stepper in
        for _ in 0..<6 {
          await stepper.cycle()
          if let question = harness.controller.state().questions.first,
            ids.insert(question.id).inserted
          {
            asked += 1
            _ = harness.controller.answerQuestion(id: question.id, code: 1)
          }
        }
      }
      #expect(harness.status == .success)
      return (asked, ids)
    }
    #expect(try await askTwice(alwaysReprompt: false).questions == 1)
    let reprompted = try await askTwice(alwaysReprompt: true)
    #expect(reprompted.questions == 2)
    #expect(reprompted.ids.count == 2)
  }

  @Test func optionsAndSeverityMayComeFromTheBlackboard() async throws {
    var list = Bosdyn_Api_Mission_Prompt.OptionsList()
    list.options = [self.option("left", 7), self.option("right", 8)]
    var listValue = Bosdyn_Api_Mission_ConstantValue()
    listValue.msgValue = try .init(message: list)
    let tree = Node.define(
      "vars",
      [.entry("choices", listValue), .entry("level", .int(3))],
      child: .make("ask") {
        $0.prompt.text = "Which way?"
        $0.prompt.optionsListInBlackboard = "choices"
        $0.prompt.severityInBlackboard = "level"
      }
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    let question = try #require(harness.controller.state().questions.first)
    #expect(question.options.map(\.answerCode) == [7, 8])
    #expect(question.severity == .error)
  }

  @Test func aCustomParamsSpecMayComeFromTheBlackboard() async throws {
    var specValue = Bosdyn_Api_Mission_ConstantValue()
    specValue.msgValue = try .init(message: self.boolSpec)
    let tree = Node.define(
      "vars",
      [.entry("spec", specValue)],
      child: .make("ask") {
        $0.prompt.text = "Safe?"
        $0.prompt.customParamsInBlackboard = "spec"
      }
    )
    let harness = Harness()
    try await harness.run(tree) { await $0.cycle() }
    #expect(harness.controller.state().questions.first?.customParams == self.boolSpec)

    let wrong = Harness()
    try await wrong.run(
      .define(
        "vars",
        [.entry("spec", .int(3))],
        child: .make("ask") {
          $0.prompt.text = "Safe?"
          $0.prompt.customParamsInBlackboard = "spec"
        }
      )
    ) { await $0.cycle() }
    #expect(wrong.status == .error)
    #expect(wrong.controller.state().error.contains("bosdyn.api.DictParam.Spec"))
  }

  @Test func aPromptNoLongerTickedWithdrawsItsQuestion() async throws {
    let tree = Node.make("limit") {
      $0.forDuration.duration.seconds = 0
      $0.forDuration.duration.nanos = 300_000_000
      $0.forDuration.child = self.crossing()
      $0.forDuration.timeoutChild = .running("after")
    }
    let harness = Harness()
    try await harness.run(tree) { stepper in
      await stepper.cycle()
      #expect(harness.controller.state().questions.count == 1)
      await stepper.cycle(4)
      #expect(harness.controller.state().questions.isEmpty)
    }
  }

  @Test func questionIdsAreUniqueAcrossMissions() async throws {
    let harness = Harness()
    try await harness.run(self.crossing()) { await $0.cycle() }
    let first = try #require(harness.controller.state().questions.first?.id)
    await harness.load(self.crossing())
    harness.controller.play(pauseAt: nil)
    try await harness.cycles { await $0.cycle() }
    let second = try #require(harness.controller.state().questions.first?.id)
    #expect(first != second)
  }
}
