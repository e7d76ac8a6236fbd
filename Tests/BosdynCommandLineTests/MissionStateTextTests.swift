import BosdynAPI
import BosdynCommandLine
import Testing

@Suite("Mission state as people read it")
struct MissionStateTextTests {
  /// Root (id 1, a sequence) with "Ask" (id 2) and an unnamed node (id 3).
  static let info: Bosdyn_Api_Mission_MissionInfo = {
    var ask = Bosdyn_Api_Mission_NodeInfo()
    ask.id = 2
    ask.name = "Ask"
    var unnamed = Bosdyn_Api_Mission_NodeInfo()
    unnamed.id = 3
    var root = Bosdyn_Api_Mission_NodeInfo()
    root.id = 1
    root.name = "Root"
    root.children = [ask, unnamed]
    var info = Bosdyn_Api_Mission_MissionInfo()
    info.id = 7
    info.root = root
    return info
  }()

  static func state(
    _ status: Bosdyn_Api_Mission_State.Status,
    running: [Int64],
    finished: [Int64] = [],
    questions: [Bosdyn_Api_Mission_Question] = []
  ) -> Bosdyn_Api_Mission_State {
    var tick = Bosdyn_Api_Mission_State.NodeStatesAtTick()
    tick.tickCounter = 12
    tick.nodeStates =
      running.map { id in
        var node = Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState()
        node.id = id
        node.result = .running
        return node
      }
      + finished.map { id in
        var node = Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState()
        node.id = id
        node.result = .success
        return node
      }
    var state = Bosdyn_Api_Mission_State()
    state.status = status
    state.tickCounter = 12
    state.missionID = 7
    state.history = [tick]
    state.questions = questions
    return state
  }

  static func question(_ id: Int64) -> Bosdyn_Api_Mission_Question {
    var question = Bosdyn_Api_Mission_Question()
    question.id = id
    question.source = "answer"
    question.text = "Continue?"
    question.options = [(Int64(0), "Yes"), (10, "No")].map { code, text in
      var option = Bosdyn_Api_Mission_Prompt.Option()
      option.answerCode = code
      option.text = text
      return option
    }
    return question
  }

  @Test func runningNodesAreNamedFromTheMissionInfoInTickOrder() {
    let text = MissionStateText(
      state: Self.state(.running, running: [1, 3], finished: [2]),
      info: Self.info
    )
    #expect(text.runningNodes == ["Root", "node 3"])
    #expect(text.runningLine == "Running: Root, node 3")
  }

  @Test func theWholeStateListsStatusCountersNodesAndQuestionsWithTheirCodes() {
    let text = MissionStateText(
      state: Self.state(.running, running: [1, 2], questions: [Self.question(4)]),
      info: Self.info
    )
    #expect(
      text.lines == [
        "Mission status: STATUS_RUNNING",
        "Tick counter:   12",
        "Mission id:     7",
        "Running nodes:  Root, Ask",
        "Questions:",
        "  Question 4 from 'answer': \"Continue?\"",
        "       0  Yes",
        "      10  No",
      ]
    )
  }

  @Test func noMissionSaysSoInsteadOfMinusOne() {
    var state = Bosdyn_Api_Mission_State()
    state.status = .none
    state.tickCounter = -1
    state.missionID = -1
    #expect(
      MissionStateText(state: state, info: nil).lines == [
        "Mission status: STATUS_NONE",
        "Tick counter:   -1 (not started)",
        "Mission id:     -1 (none loaded)",
        "Running nodes:  none",
        "Questions:      none",
      ]
    )
  }

  @Test func anErrorIsShownUnderTheStatus() {
    var state = Self.state(.error, running: [])
    state.error = "variable 'x' is not defined"
    let lines = MissionStateText(state: state, info: Self.info).lines
    #expect(
      lines.prefix(2) == [
        "Mission status: STATUS_ERROR", "Error:          variable 'x' is not defined",
      ]
    )
  }

  @Test func aQuestionWithoutOptionsSaysWhatItWants() {
    var question = Self.question(5)
    question.options = []
    question.customParams.specs["speed"] = Bosdyn_Api_DictParam.ChildSpec()
    #expect(
      MissionStateText.describe(question) == [
        "Question 5 from 'answer': \"Continue?\"",
        "    (wants custom parameters: speed)",
      ]
    )
  }

  @Test func everyStatusHasItsProtoName() {
    let statuses: [(Bosdyn_Api_Mission_State.Status, String)] = [
      (.unknown, "STATUS_UNKNOWN"), (.failure, "STATUS_FAILURE"), (.running, "STATUS_RUNNING"),
      (.success, "STATUS_SUCCESS"), (.paused, "STATUS_PAUSED"), (.error, "STATUS_ERROR"),
      (.none, "STATUS_NONE"), (.stopped, "STATUS_STOPPED"), (.UNRECOGNIZED(42), "STATUS_42"),
    ]
    for (status, name) in statuses { #expect(status.protoName == name) }
  }
}

@Suite("Mission progress lines")
struct MissionProgressTests {
  @Test func aLineEachTimeTheRunningNodesChangeAndEachQuestionOnce() {
    var progress = MissionProgress { "bosdyn ROBOT mission answer \($0) CODE" }
    let info = MissionStateTextTests.info
    func changes(_ state: Bosdyn_Api_Mission_State) -> [String] {
      progress.changes(in: MissionStateText(state: state, info: info))
    }
    // Loaded, not started: nothing runs, nothing to say.
    #expect(changes(MissionStateTextTests.state(.none, running: [])) == [])
    #expect(changes(MissionStateTextTests.state(.running, running: [1])) == ["Running: Root"])
    #expect(changes(MissionStateTextTests.state(.running, running: [1])) == [])
    let asking = MissionStateTextTests.state(
      .running,
      running: [1, 2],
      questions: [MissionStateTextTests.question(4)]
    )
    #expect(
      changes(asking) == [
        "Running: Root, Ask",
        "Question 4 from 'answer': \"Continue?\"",
        "     0  Yes",
        "    10  No",
        "    Answer with: bosdyn ROBOT mission answer 4 CODE",
      ]
    )
    #expect(changes(asking) == [], "a question is shown once")
    #expect(changes(MissionStateTextTests.state(.success, running: [])) == ["Running: nothing"])
  }
}
