import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import Testing
import TestSupport

/// The Swift `MissionClient` against the simulated robot's mission service over TLS: the main
/// path an operator's tool takes, with the typed codes of the refusals on it. The refusals of
/// bad missions, leases and answers are in ``BadMissionInputTests``.
@Suite("Missions: the Swift MissionClient against the simulated robot")
struct SwiftMissionClientTests {
  @Test func itLoadsPlaysAnswersPausesStopsAndRestartsAMission() async throws {
    try await TestRobot.withMissions { _, driver in
      let missions = driver.missions
      let initial = try await missions.state()
      #expect(initial.status == .none && initial.tickCounter == -1 && initial.missionID == -1)
      #expect(try await missions.info() == nil)
      #expect(try await missions.mission() == nil)
      await expectCode(.noMission) { try await driver.play() }
      await expectCode(.noMission) {
        try await missions.restart(pauseTime: try driver.pauseTime(in: .seconds(10)))
      }
      await expectCode(.noMissionPlaying) { try await missions.pause() }
      await expectCode(.noMissionPlaying) { try await missions.stop() }

      // Load, read back, load again in chunks.
      let tree = MissionTrees.prompt(then: MissionTrees.sleep("Wait", seconds: 60))
      let info = try await missions.load(tree)
      #expect(info.root.name == "Ask" && info.root.children.map(\.name) == ["Wait"])
      #expect(try await missions.info() == info)
      let loaded = try #require(try await missions.mission())
      #expect(loaded.root == tree)
      #expect(try await missions.state().missionID == loaded.id)
      await expectCode(.noMissionPlaying) { try await missions.pause() }
      let chunked = try await missions.loadAsChunks(tree, chunkSize: 16)
      #expect(chunked.root.name == "Ask")
      let afterLoad = try await missions.state()
      #expect(afterLoad.missionID == loaded.id + 1)
      #expect(afterLoad.status == .none && afterLoad.tickCounter == -1)

      // Play and answer the question.
      try await driver.play()
      let asked = try await driver.waitForState("the question") { $0.questions.count == 1 }
      #expect(asked.status == .running)
      let question = try #require(asked.questions.first)
      #expect(question.text == "Go on?" && question.options.map(\.answerCode) == [1, 2])
      try await missions.answer(questionID: question.id, code: 1)
      await expectCode(.questionAlreadyAnswered) {
        try await missions.answer(questionID: question.id, code: 1)
      }

      // History, newest first, bounded as asked.
      let ticking = try await driver.waitForState("six ticks") { $0.tickCounter >= 6 }
      let upper = ticking.tickCounter - 1
      let bounded = try await missions.state(upperTickBound: upper, lowerTickBound: upper - 2)
      #expect(bounded.history.map(\.tickCounter) == [upper, upper - 1, upper - 2])
      let past = try await missions.state(upperTickBound: upper, pastTicks: 2)
      #expect(past.history.map(\.tickCounter) == [upper, upper - 1, upper - 2])
      let latest = try await missions.state()
      #expect(latest.history.map(\.tickCounter) == [latest.tickCounter])
      #expect(latest.answeredQuestions.map(\.acceptedAnswerCode) == [1])

      // Pause and resume; stop, which play does not undo; restart, which does.
      try await missions.pause()
      let paused = try await driver.waitForState("PAUSED") { $0.status == .paused }
      try await driver.play()
      try await driver.waitForState("ticks after resuming") {
        $0.status == .running && $0.tickCounter > paused.tickCounter
      }
      try await missions.stop()
      let stopped = try await driver.waitForState("STOPPED") { $0.status == .stopped }
      try await driver.play()
      #expect(try await missions.state().status == .stopped)
      try await missions.restart(pauseTime: try driver.pauseTime(in: .seconds(30)))
      let restarted = try await driver.waitForState("the question asked anew") {
        $0.questions.count == 1
      }
      #expect(restarted.status == .running && restarted.tickCounter < stopped.tickCounter)
      #expect(restarted.questions.first?.id != question.id)

      // The heartbeat: a play whose pause time passes pauses by itself.
      try await missions.play(pauseTime: try driver.pauseTime(in: .milliseconds(300)))
      try await driver.waitForState("the heartbeat to pause it", timeout: .seconds(5)) {
        $0.status == .paused
      }
    }
  }
}
