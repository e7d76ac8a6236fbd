import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import GRPCCore
import SwiftProtobuf
import Testing
import TestSupport

/// Bad input to the simulated robot's mission service through the Swift `MissionClient` over
/// TLS: each is refused with its typed code (or loads, when it is only large), and each test
/// ends by loading and running a mission, because a refusal that leaves the service broken is
/// no better than a crash.
@Suite("Missions: bad input to the simulated robot's mission service")
struct BadMissionInputTests {
  @Test func anUnknownNodeTypeIsACompilationErrorNamingTheNode() async throws {
    try await TestRobot.withMissions { _, driver in
      let error = await expectCode(.compilationError) {
        try await driver.missions.load(MissionTrees.unknownType())
      }
      let message = error?.message ?? ""
      #expect(message.contains("Mystery") && message.contains("NoSuchNode"), "\(message)")
      try await driver.expectServingNormally()
    }
  }

  @Test func aCyclicReferenceIsACompilationError() async throws {
    try await TestRobot.withMissions { _, driver in
      let error = await expectCode(.compilationError) {
        try await driver.missions.load(MissionTrees.cyclic())
      }
      #expect(error?.message.contains("cyclic") == true, "\(String(describing: error))")
      try await driver.expectServingNormally()
    }
  }

  @Test func aTreeDeeperThanTheLimitIsRefusedHoweverItIsSent() async throws {
    try await TestRobot.withMissions { _, driver in
      let deep = MissionTrees.deepTyped(depth: 300)
      // In chunks, the robot parses the whole tree, and its compiler refuses the depth.
      let chunked = await expectCode(.compilationError) {
        try await driver.missions.loadAsChunks(deep)
      }
      #expect(chunked?.message.contains("deeper than the limit") == true)
      // Packed in `impl`, each level is opaque bytes, so the unary call carries it too.
      await expectCode(.compilationError) {
        try await driver.missions.load(try MissionTrees.deepPacked(depth: 300))
      }
      // Unary and typed, it is deeper than the protobuf decoder's nesting limit: the call
      // fails before any mission code sees it, as it does with the Python SDK.
      let unary = await #expect(throws: ClientError.self) {
        try await driver.missions.load(deep)
      }
      #expect(unary?.layer == .rpc, "\(String(describing: unary))")
      #expect(try await driver.missions.state().missionID == -1, "nothing was loaded")
      // The deepest tree the compiler accepts (256 levels) loads in chunks and reads back.
      let deepest = MissionTrees.deepTyped(depth: 255)
      let info = try await driver.missions.loadAsChunks(deepest)
      #expect(info.root.name == "level 254")
      #expect(try await driver.missions.info() == info)
      #expect(try await driver.missions.mission()?.root == deepest)
      try await driver.expectServingNormally()
    }
  }

  @Test func aTenMegabyteMissionLoadsInChunksAndReadsBackInChunks() async throws {
    try await TestRobot.withMissions { _, driver in
      let large = MissionTrees.large(count: 10, bytesEach: 1_000_000)
      let bytes: [UInt8] = try large.serializedBytes()
      #expect(bytes.count > 10_000_000)
      let info = try await driver.missions.loadAsChunks(large)
      #expect(info.root.children.count == 10)
      #expect(info.root.children.allSatisfy { $0.userData.bytestring.count == 1_000_000 })
      #expect(try await driver.missions.info() == info)
      #expect(try await driver.missions.mission()?.root == large)
      try await driver.expectServingNormally()
    }
  }

  @Test func aCorruptChunkStreamIsAClearInvalidRequest() async throws {
    try await TestRobot.withMissions { _, driver in
      let stub = Bosdyn_Api_Mission_MissionService.Client(
        wrapping: try driver.connection.grpcClient(authority: RobotAuthority.mission)
      )
      let cases: [(chunks: [Bosdyn_Api_DataChunk], expected: String)] = [
        ([], "no data chunks"),
        ([.chunk(total: 5, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF])], "do not make"),
        ([.chunk(total: 10, [1, 2, 3, 4, 5]), .chunk(total: 11, [6, 7])], "disagree"),
        ([.chunk(total: 3, [1, 2, 3, 4, 5])], "more than the 3 bytes"),
        ([.chunk(total: 100, [1, 2, 3, 4, 5])], "not the 100 announced"),
        ([.chunk(total: 1 << 40, [1])], "more than the"),
      ]
      for (chunks, expected) in cases {
        var options = CallOptions.defaults
        options.timeout = .seconds(5)
        let response = try await stub.loadMissionAsChunks(options: options) { writer in
          try await writer.write(contentsOf: chunks)
        }
        #expect(response.header.error.code == .invalidRequest, "\(chunks): \(response)")
        #expect(response.header.error.message.contains(expected), "\(response.header.error)")
        #expect(response.status == .unknown, "nothing was compiled")
      }
      // LoadMissionAsChunks2 answers the same refusal in chunks.
      let chunked = try await stub.loadMissionAsChunks2 { writer in
        try await writer.write(contentsOf: cases[1].chunks)
      } onResponse: { response in
        try await response.messages.reduce(into: []) { $0.append($1) }
      }
      let refusal: Bosdyn_Api_Mission_LoadMissionResponse = try DataChunks.join(chunked)
      #expect(refusal.header.error.code == .invalidRequest, "\(refusal)")
      // The chunks the Swift client sends for the same stream shape are fine.
      try await driver.missions.loadAsChunks(MissionTrees.succeed(), chunkSize: 1)
      try await driver.expectServingNormally()
    }
  }

  @Test func aServiceMissingFromTheDirectoryIsAValidationError() async throws {
    try await TestRobot.withMissions { _, driver in
      let error = await expectCode(.validationError) {
        try await driver.missions.load(
          MissionTrees.callback("Call nobody", service: "no-such-callback")
        )
      }
      #expect(error?.message.contains("no-such-callback") == true, "\(String(describing: error))")
      try await driver.expectServingNormally()
    }
  }

  @Test func aStaleLeaseIsALeaseUseErrorOnLoadAndPlay() async throws {
    try await TestRobot.withMissions { robot, driver in
      let stale = try driver.wallet.advance()
      try await driver.missions.load(MissionTrees.sleep("Nap", seconds: 60), leases: [stale])
      try await robot.withConnection(clientName: "LeaseThief") { thief in
        _ = try await LeaseClient(connection: thief).take()
      }
      let played = await expectCode(.leaseUseError) {
        try await driver.play(leases: [stale])
      }
      #expect(played?.leaseUseResult?.status == .older, "\(String(describing: played))")
      #expect(try await driver.missions.state().status == .none, "nothing played")
      await expectCode(.leaseUseError) {
        try await driver.missions.load(MissionTrees.succeed(), leases: [stale])
      }
      // Taking the lease back makes the client's calls good again.
      try await driver.leases.take()
      try await driver.expectServingNormally()
    }
  }

  @Test func answersThatDoNotFitTheQuestionAreRefused() async throws {
    try await TestRobot.withMissions { _, driver in
      let missions = driver.missions
      try await missions.load(MissionTrees.prompt(then: MissionTrees.succeed()))
      try await driver.play()
      let asked = try await driver.waitForState("the question") { $0.questions.count == 1 }
      let question = try #require(asked.questions.first)
      await expectCode(.invalidQuestionID) {
        try await missions.answer(questionID: question.id + 1000, code: 1)
      }
      await expectCode(.invalidAnswerCode) {
        try await missions.answer(questionID: question.id, code: 99)
      }
      await expectCode(.incompatibleAnswer) {
        try await missions.answer(questionID: question.id, customParams: MissionTrees.speed(1))
      }
      try await missions.answer(questionID: question.id, code: 1)
      await expectCode(.questionAlreadyAnswered) {
        try await missions.answer(questionID: question.id, code: 2)
      }
      #expect(try await driver.waitUntilFinished().status == .success)

      try await missions.load(MissionTrees.speedPrompt())
      try await driver.play()
      let speed = try await driver.waitForState("the speed question") { $0.questions.count == 1 }
      let speedQuestion = try #require(speed.questions.first)
      let refused = await expectCode(.customParamsError) {
        try await missions.answer(
          questionID: speedQuestion.id,
          customParams: MissionTrees.speed(42)
        )
      }
      let paramError = try #require(refused?.customParamError)
      #expect(paramError.status == .invalidValue, "\(paramError)")
      #expect(paramError.errorMessages.joined().contains("speed"), "\(paramError)")
      await expectCode(.incompatibleAnswer) {
        try await missions.answer(questionID: speedQuestion.id, code: 1)
      }
      try await missions.answer(questionID: speedQuestion.id, customParams: MissionTrees.speed(7))
      #expect(try await driver.waitUntilFinished().status == .success)
      try await driver.expectServingNormally()
    }
  }
}

extension Bosdyn_Api_DataChunk {
  /// A chunk announcing `total` bytes and carrying `bytes`, true or not.
  fileprivate static func chunk(total: UInt64, _ bytes: [UInt8]) -> Self {
    var chunk = Self()
    chunk.totalSize = total
    chunk.data = Data(bytes)
    return chunk
  }
}
