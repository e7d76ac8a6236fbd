public import BosdynAPI
public import GRPCCore
public import Logging
public import MissionExecutor
import BosdynCore
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.mission.MissionService` (`robot-mission`): a gRPC shell
/// over a ``/MissionExecutor/MissionController``, adding what only the robot knows — whose
/// leases are good (the ``LeaseLedger``) — and the chunked forms of the calls.
///
/// Leases: LoadMission, PlayMission and RestartMission must carry a body lease the ledger
/// accepts; otherwise the response carries the failed lease use result (Python's
/// `LeaseUseError`) and nothing is loaded or played. PauseMission and StopMission judge their
/// lease when they carry one (the Python client's lease processor adds it) and accept a call
/// without one, so an operator without the lease can still pause a runaway mission.
///
/// Chunked loads are parsed with a nesting limit high enough for the executor's deepest trees;
/// the unary LoadMission is limited by the protobuf decoder's default nesting, as on the
/// Python side.
public struct MissionService: Bosdyn_Api_Mission_MissionService.SimpleServiceProtocol {
  /// The most bytes a chunked load may announce: far above any real mission, low enough that a
  /// bogus total cannot make the robot allocate without bound.
  public static let maximumChunkedLoadSize: UInt64 = 64 * 1024 * 1024

  /// How deep a chunked mission may nest, in messages (each tree level is two: the node and
  /// its implementation).
  static let messageDepthLimit = 2 * 1024

  private let controller: MissionController
  private let ledger: LeaseLedger
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - controller: Runs the missions.
  ///   - ledger: Judges the leases loads and plays carry.
  ///   - logger: Receives one info line per state-changing call.
  public init(
    controller: MissionController,
    ledger: LeaseLedger,
    logger: Logger = Logger(label: "bosdyn.spot-sim.mission")
  ) {
    self.controller = controller
    self.ledger = ledger
    self.logger = logger
  }

  // MARK: Loading

  /// Handles `LoadMission`.
  public func loadMission(
    request: Bosdyn_Api_Mission_LoadMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_LoadMissionResponse {
    await respond(to: request) { await self.load(request) }
  }

  /// Handles `LoadMissionAsChunks`: the request in chunks, the response whole.
  public func loadMissionAsChunks(
    request: RPCAsyncSequence<Bosdyn_Api_DataChunk, any Error>,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_LoadMissionResponse {
    let assembled = try await self.assemble(request)
    return await respond(to: assembled.request) {
      if let problem = assembled.problem {
        var response = Bosdyn_Api_Mission_LoadMissionResponse()
        response.header = .error(.invalidRequest, problem)
        return response
      }
      return await self.load(assembled.request)
    }
  }

  /// Handles `LoadMissionAsChunks2`: request and response in chunks.
  public func loadMissionAsChunks2(
    request: RPCAsyncSequence<Bosdyn_Api_DataChunk, any Error>,
    response: RPCWriter<Bosdyn_Api_DataChunk>,
    context: ServerContext
  ) async throws {
    let loaded = try await self.loadMissionAsChunks(request: request, context: context)
    try await response.write(contentsOf: DataChunks.split(loaded, size: 1_000_000))
  }

  // MARK: Playing

  /// Handles `PlayMission`.
  public func playMission(
    request: Bosdyn_Api_Mission_PlayMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_PlayMissionResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_Mission_PlayMissionResponse()
      response.leaseUseResults = [self.ledger.judge(request.leases)]
      guard response.leaseUseResults.allSatisfy({ $0.status == .ok }) else {
        // The Python client reports the lease before the status: nothing plays.
        response.status = .ok
        self.logger.warning(
          "PlayMission from \(request.header.callerForLog) refused: body lease \(protoName(response.leaseUseResults[0].status))"
        )
        return response
      }
      response.status = self.controller.play(
        pauseTime: request.hasPauseTime ? request.pauseTime : nil,
        leases: request.leases,
        settings: request.settings
      )
      self.logger.debug(
        "PlayMission from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  /// Handles `RestartMission`.
  public func restartMission(
    request: Bosdyn_Api_Mission_RestartMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_RestartMissionResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_Mission_RestartMissionResponse()
      response.leaseUseResults = [self.ledger.judge(request.leases)]
      guard response.leaseUseResults.allSatisfy({ $0.status == .ok }) else {
        response.status = .validateError
        return response
      }
      response.status = self.controller.restart(
        pauseTime: request.hasPauseTime ? request.pauseTime : nil,
        leases: request.leases,
        settings: request.settings
      )
      self.logger.info(
        "RestartMission from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  /// Handles `PauseMission`.
  public func pauseMission(
    request: Bosdyn_Api_Mission_PauseMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_PauseMissionResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_Mission_PauseMissionResponse()
      if request.hasLease {
        response.leaseUseResult = self.ledger.judge([request.lease])
        guard response.leaseUseResult.status == .ok else {
          response.status = .ok
          return response
        }
      }
      response.status = self.controller.pause()
      self.logger.info(
        "PauseMission from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  /// Handles `StopMission`.
  public func stopMission(
    request: Bosdyn_Api_Mission_StopMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_StopMissionResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_Mission_StopMissionResponse()
      if request.hasLease {
        response.leaseUseResult = self.ledger.judge([request.lease])
        guard response.leaseUseResult.status == .ok else {
          response.status = .ok
          return response
        }
      }
      response.status = self.controller.stop()
      self.logger.info(
        "StopMission from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  // MARK: Reading

  /// Handles `GetState`.
  public func getState(
    request: Bosdyn_Api_Mission_GetStateRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_GetStateResponse {
    await respond(to: request) {
      var response = Bosdyn_Api_Mission_GetStateResponse()
      response.state = self.controller.state(for: request)
      return response
    }
  }

  /// Handles `GetInfo`.
  public func getInfo(
    request: Bosdyn_Api_Mission_GetInfoRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_GetInfoResponse {
    await respond(to: request) { self.info() }
  }

  /// Handles `GetInfoAsChunks`: the GetInfo response in chunks.
  public func getInfoAsChunks(
    request: Bosdyn_Api_Mission_GetInfoRequest,
    response: RPCWriter<Bosdyn_Api_DataChunk>,
    context: ServerContext
  ) async throws {
    let info = await respond(to: request) { self.info() }
    try await response.write(contentsOf: DataChunks.split(info, size: 1_000_000))
  }

  /// Handles `GetMission`.
  public func getMission(
    request: Bosdyn_Api_Mission_GetMissionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_GetMissionResponse {
    await respond(to: request) { self.loadedMission() }
  }

  /// Handles `GetMissionAsChunks`: the GetMission response in chunks.
  public func getMissionAsChunks(
    request: Bosdyn_Api_Mission_GetMissionRequest,
    response: RPCWriter<Bosdyn_Api_DataChunk>,
    context: ServerContext
  ) async throws {
    let mission = await respond(to: request) { self.loadedMission() }
    try await response.write(contentsOf: DataChunks.split(mission, size: 1_000_000))
  }

  // MARK: Answering

  /// Handles `AnswerQuestion`.
  public func answerQuestion(
    request: Bosdyn_Api_Mission_AnswerQuestionRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_Mission_AnswerQuestionResponse {
    await respond(to: request) {
      let response = self.controller.answerQuestion(request).response
      self.logger.info(
        "AnswerQuestion \(request.questionID) from \(request.header.callerForLog): \(protoName(response.status))"
      )
      return response
    }
  }

  // MARK: Internals

  private func load(
    _ request: Bosdyn_Api_Mission_LoadMissionRequest
  ) async -> Bosdyn_Api_Mission_LoadMissionResponse {
    let lease = self.ledger.judge(request.leases)
    guard lease.status == .ok else {
      var response = Bosdyn_Api_Mission_LoadMissionResponse()
      response.status = .validateError
      response.leaseUseResults = [lease]
      var failed = Bosdyn_Api_Mission_FailedNode()
      failed.name = request.root.name
      failed.error = "the body lease is \(protoName(lease.status)); nothing was loaded"
      response.failedNodes = [failed]
      self.logger.warning(
        "LoadMission from \(request.header.callerForLog) refused: body lease \(protoName(lease.status))"
      )
      return response
    }
    let result = await self.controller.load(request.root, leases: request.leases)
    var response = result.response
    response.leaseUseResults = [lease]
    let failures = result.failedNodes.map { "\($0.name): \($0.error)" }.joined(separator: "; ")
    let detail = failures.isEmpty ? "" : " (\(failures))"
    self.logger.info(
      "LoadMission '\(request.root.name)' from \(request.header.callerForLog): \(protoName(response.status))\(detail)"
    )
    return response
  }

  private func info() -> Bosdyn_Api_Mission_GetInfoResponse {
    var response = Bosdyn_Api_Mission_GetInfoResponse()
    if let info = self.controller.missionInfo { response.missionInfo = info }
    return response
  }

  private func loadedMission() -> Bosdyn_Api_Mission_GetMissionResponse {
    var response = Bosdyn_Api_Mission_GetMissionResponse()
    let mission = self.controller.mission
    if let root = mission.root { response.root = root }
    response.id = mission.id
    return response
  }

  /// The load request a chunk stream carries, or why it carries none; stops reading at the
  /// first chunk that contradicts the others or passes the size limit.
  private func assemble(
    _ chunks: RPCAsyncSequence<Bosdyn_Api_DataChunk, any Error>
  ) async throws -> (request: Bosdyn_Api_Mission_LoadMissionRequest, problem: String?) {
    var received: [Bosdyn_Api_DataChunk] = []
    var bytes: UInt64 = 0
    for try await chunk in chunks {
      guard chunk.totalSize <= Self.maximumChunkedLoadSize else {
        return (
          .init(),
          "the chunks announce \(chunk.totalSize) bytes, more than the "
            + "\(Self.maximumChunkedLoadSize) a mission may have"
        )
      }
      if let first = received.first, first.totalSize != chunk.totalSize {
        return (.init(), "the chunks disagree on the total size")
      }
      bytes += UInt64(chunk.data.count)
      guard bytes <= chunk.totalSize else {
        return (.init(), "the chunks carry more than the \(chunk.totalSize) bytes announced")
      }
      received.append(chunk)
    }
    do {
      var options = BinaryDecodingOptions()
      options.messageDepthLimit = Self.messageDepthLimit
      let request: Bosdyn_Api_Mission_LoadMissionRequest = try DataChunks.join(
        received,
        decodingOptions: options
      )
      return (request, nil)
    } catch {
      return (.init(), "\(error)")
    }
  }
}
