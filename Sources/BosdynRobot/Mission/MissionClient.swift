public import BosdynAPI
public import BosdynCore
import GRPCCore
public import SwiftProtobuf

/// The robot's mission service (`robot-mission`, `bosdyn.api.mission.MissionService`): load a
/// mission tree, play it with heartbeats, pause, stop, restart, read its state and answer its
/// questions — Python's `bosdyn.mission.client.MissionClient`.
///
/// Every refusal is a ``/BosdynCore/ClientError`` whose code names it as the Python client's
/// exception does: `compilationError`, `validationError`, `noMission`, `noMissionPlaying`,
/// `invalidQuestionID`, `invalidAnswerCode`, `questionAlreadyAnswered`, `customParamsError`,
/// `incompatibleAnswer`, `leaseUseError`.
///
/// ```swift
/// let missions = MissionClient(connection: robot, wallet: wallet)
/// let info = try await missions.load(root)            // with the wallet's body lease
/// try await missions.play(pauseTime: inThreeSeconds)  // again at least every 3 s
/// let state = try await missions.state()
/// ```
public struct MissionClient: Sendable {
  /// The directory name of the mission service.
  public static let serviceName = "robot-mission"
  /// The gRPC service type of the mission service.
  public static let serviceType = "bosdyn.api.mission.MissionService"
  /// The chunk size of the chunked calls, as the Python client's default (1 MB).
  public static let defaultChunkSize = 1_000_000

  private let rpc: RobotRPC
  /// The wallet whose body lease a call without explicit leases uses (advanced, as the Python
  /// SDK's lease processor does), and which lease use results update.
  public let wallet: LeaseWallet?

  /// Creates a client reaching the mission service at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.mission
  ) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
    self.wallet = wallet
  }

  // MARK: Loading

  /// Loads `root`, replacing any mission loaded before.
  ///
  /// - Parameters:
  ///   - root: The mission tree.
  ///   - leases: The leases the mission may use; `nil` for the wallet's body lease.
  /// - Returns: The mission's structure, with the node ids its state refers to.
  /// - Throws: `compilationError` / `validationError` with the failed nodes in the message,
  ///   `leaseUseError`, or an RPC-layer code.
  @discardableResult
  public func load(
    _ root: Bosdyn_Api_Mission_Node,
    leases: [Lease]? = nil
  ) async throws -> Bosdyn_Api_Mission_MissionInfo {
    var request = Bosdyn_Api_Mission_LoadMissionRequest()
    request.root = root
    request.leases = try self.leases(leases)
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.LoadMission.self,
      request
    )
    try self.check(response, Bosdyn_Api_Mission_MissionService.Method.LoadMission.descriptor)
    return response.missionInfo
  }

  /// Loads `root` as a stream of chunks both ways (`LoadMissionAsChunks2`), for missions
  /// larger than one gRPC message.
  ///
  /// - Parameters:
  ///   - root: The mission tree.
  ///   - leases: The leases the mission may use; `nil` for the wallet's body lease.
  ///   - chunkSize: The most bytes of one chunk.
  /// - Returns: The mission's structure.
  @discardableResult
  public func loadAsChunks(
    _ root: Bosdyn_Api_Mission_Node,
    leases: [Lease]? = nil,
    chunkSize: Int = MissionClient.defaultChunkSize
  ) async throws -> Bosdyn_Api_Mission_MissionInfo {
    let method = Bosdyn_Api_Mission_MissionService.Method.LoadMissionAsChunks2.descriptor
    var request = Bosdyn_Api_Mission_LoadMissionRequest()
    request.root = root
    request.leases = try self.leases(leases)
    let chunks = try DataChunks.split(
      request.stamped(clientName: self.rpc.clientName),
      size: chunkSize
    )
    let response: Bosdyn_Api_Mission_LoadMissionResponse = try await self.rpc.withClient(method) {
      client,
      options in
      try await Bosdyn_Api_Mission_MissionService.Client(wrapping: client).loadMissionAsChunks2(
        options: options,
        requestProducer: { writer in try await writer.write(contentsOf: chunks) }
      ) { response in
        try await Self.assemble(response, method)
      }
    }
    try self.checkHeader(response.header, method)
    try self.check(response, method)
    return response.missionInfo
  }

  // MARK: Playing

  /// Plays the loaded mission until `pauseTime` (robot time), unless played again before: a
  /// heartbeat, so a mission whose client vanished pauses by itself. A finished mission is not
  /// played again (``restart(pauseTime:leases:settings:)`` does that).
  ///
  /// - Parameters:
  ///   - pauseTime: When to pause without another play, in robot time (time sync converts).
  ///   - leases: The leases the mission may use; `nil` for the wallet's body lease.
  ///   - settings: Velocity limit and navigation settings until the next play.
  /// - Throws: `noMission`, `leaseUseError`, or an RPC-layer code.
  public func play(
    pauseTime: Google_Protobuf_Timestamp,
    leases: [Lease]? = nil,
    settings: Bosdyn_Api_Mission_PlaySettings? = nil
  ) async throws {
    let method = Bosdyn_Api_Mission_MissionService.Method.PlayMission.descriptor
    var request = Bosdyn_Api_Mission_PlayMissionRequest()
    request.pauseTime = pauseTime
    request.leases = try self.leases(leases)
    if let settings { request.settings = settings }
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.PlayMission.self,
      request
    )
    try self.checkLeases(response.leaseUseResults, method)
    switch response.status {
    case .ok: return
    case .noMission: throw RobotRPC.statusError(.noMission, "no mission is loaded", method)
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown play status \(value)", method)
    }
  }

  /// Starts the loaded mission again from the beginning (also one that finished or stopped).
  ///
  /// - Throws: `noMission`, `validationError`, `leaseUseError`, or an RPC-layer code.
  public func restart(
    pauseTime: Google_Protobuf_Timestamp,
    leases: [Lease]? = nil,
    settings: Bosdyn_Api_Mission_PlaySettings? = nil
  ) async throws {
    let method = Bosdyn_Api_Mission_MissionService.Method.RestartMission.descriptor
    var request = Bosdyn_Api_Mission_RestartMissionRequest()
    request.pauseTime = pauseTime
    request.leases = try self.leases(leases)
    if let settings { request.settings = settings }
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.RestartMission.self,
      request
    )
    try self.checkLeases(response.leaseUseResults, method)
    switch response.status {
    case .ok: return
    case .noMission: throw RobotRPC.statusError(.noMission, "no mission is loaded", method)
    case .validateError:
      throw RobotRPC.statusError(
        .validationError,
        "the mission failed validation: \(Self.describe(response.failedNodes))",
        method
      )
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown restart status \(value)", method)
    }
  }

  /// Pauses the playing mission; play resumes it.
  ///
  /// - Throws: `noMissionPlaying`, `leaseUseError`, or an RPC-layer code.
  public func pause(lease: Lease? = nil) async throws {
    let method = Bosdyn_Api_Mission_MissionService.Method.PauseMission.descriptor
    var request = Bosdyn_Api_Mission_PauseMissionRequest()
    if let lease = try self.leases(lease.map { [$0] }).first { request.lease = lease }
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.PauseMission.self,
      request
    )
    if response.hasLeaseUseResult { try self.checkLeases([response.leaseUseResult], method) }
    switch response.status {
    case .ok: return
    case .noMissionPlaying:
      throw RobotRPC.statusError(.noMissionPlaying, "no mission has started playing", method)
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown pause status \(value)", method)
    }
  }

  /// Stops the mission; it does not resume on play, only on restart.
  ///
  /// - Throws: `noMissionPlaying`, `leaseUseError`, or an RPC-layer code.
  public func stop(lease: Lease? = nil) async throws {
    let method = Bosdyn_Api_Mission_MissionService.Method.StopMission.descriptor
    var request = Bosdyn_Api_Mission_StopMissionRequest()
    if let lease = try self.leases(lease.map { [$0] }).first { request.lease = lease }
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.StopMission.self,
      request
    )
    if response.hasLeaseUseResult { try self.checkLeases([response.leaseUseResult], method) }
    switch response.status {
    case .ok: return
    case .noMissionPlaying:
      throw RobotRPC.statusError(.noMissionPlaying, "no mission has started playing", method)
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown stop status \(value)", method)
    }
  }

  // MARK: Reading

  /// The mission's state: status, questions, and the node states of recent ticks.
  ///
  /// - Parameters:
  ///   - upperTickBound: The newest tick to report; `nil` for the latest.
  ///   - lowerTickBound: The oldest tick to report (exclusive with `pastTicks`).
  ///   - pastTicks: How many ticks before the upper bound to report.
  public func state(
    upperTickBound: Int64? = nil,
    lowerTickBound: Int64? = nil,
    pastTicks: Int64? = nil
  ) async throws -> Bosdyn_Api_Mission_State {
    var request = Bosdyn_Api_Mission_GetStateRequest()
    if let upperTickBound { request.historyUpperTickBound = .init(upperTickBound) }
    if let lowerTickBound { request.historyLowerTickBound = lowerTickBound }
    if let pastTicks { request.historyPastTicks = pastTicks }
    return try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.GetState.self,
      request
    ).state
  }

  /// The loaded mission's structure, or `nil` when none is loaded. Asks for it in chunks first
  /// and falls back to the unary call when the robot does not implement that, as the Python
  /// client does.
  public func info() async throws -> Bosdyn_Api_Mission_MissionInfo? {
    let method = Bosdyn_Api_Mission_MissionService.Method.GetInfoAsChunks.descriptor
    let request = Bosdyn_Api_Mission_GetInfoRequest().stamped(clientName: self.rpc.clientName)
    let response: Bosdyn_Api_Mission_GetInfoResponse
    do {
      let chunked: Bosdyn_Api_Mission_GetInfoResponse = try await self.rpc.withClient(method) {
        client,
        options in
        try await Bosdyn_Api_Mission_MissionService.Client(wrapping: client).getInfoAsChunks(
          request,
          options: options
        ) { response in
          try await Self.assemble(response, method)
        }
      }
      try self.checkHeader(chunked.header, method)
      response = chunked
    } catch let error as ClientError where error.code == .unimplemented {
      response = try await self.rpc.call(
        Bosdyn_Api_Mission_MissionService.Method.GetInfo.self,
        Bosdyn_Api_Mission_GetInfoRequest()
      )
    }
    return response.hasMissionInfo ? response.missionInfo : nil
  }

  /// The mission as it was loaded, and its id; `nil` when none is loaded. Chunked first, as
  /// ``info()``.
  public func mission() async throws -> (root: Bosdyn_Api_Mission_Node, id: Int64)? {
    let method = Bosdyn_Api_Mission_MissionService.Method.GetMissionAsChunks.descriptor
    let request = Bosdyn_Api_Mission_GetMissionRequest().stamped(clientName: self.rpc.clientName)
    let response: Bosdyn_Api_Mission_GetMissionResponse
    do {
      let chunked: Bosdyn_Api_Mission_GetMissionResponse = try await self.rpc.withClient(method) {
        client,
        options in
        try await Bosdyn_Api_Mission_MissionService.Client(wrapping: client).getMissionAsChunks(
          request,
          options: options
        ) { response in
          try await Self.assemble(response, method)
        }
      }
      try self.checkHeader(chunked.header, method)
      response = chunked
    } catch let error as ClientError where error.code == .unimplemented {
      response = try await self.rpc.call(
        Bosdyn_Api_Mission_MissionService.Method.GetMission.self,
        Bosdyn_Api_Mission_GetMissionRequest()
      )
    }
    return response.hasRoot ? (response.root, response.id) : nil
  }

  // MARK: Answering

  /// Answers question `questionID` with one of its option codes.
  ///
  /// - Throws: `invalidQuestionID`, `invalidAnswerCode`, `questionAlreadyAnswered`,
  ///   `incompatibleAnswer`, or an RPC-layer code.
  public func answer(questionID: Int64, code: Int64) async throws {
    var request = Bosdyn_Api_Mission_AnswerQuestionRequest()
    request.questionID = questionID
    request.code = code
    try await self.answer(request)
  }

  /// Answers question `questionID` with custom parameter values fitting its spec.
  ///
  /// - Throws: `customParamsError` (with ``/BosdynCore/ClientError/customParamError``), and the
  ///   codes of ``answer(questionID:code:)``.
  public func answer(questionID: Int64, customParams: Bosdyn_Api_DictParam) async throws {
    var request = Bosdyn_Api_Mission_AnswerQuestionRequest()
    request.questionID = questionID
    request.customParams = customParams
    try await self.answer(request)
  }

  private func answer(_ request: Bosdyn_Api_Mission_AnswerQuestionRequest) async throws {
    let method = Bosdyn_Api_Mission_MissionService.Method.AnswerQuestion.descriptor
    let response = try await self.rpc.call(
      Bosdyn_Api_Mission_MissionService.Method.AnswerQuestion.self,
      request
    )
    let id = request.questionID
    switch response.status {
    case .ok: return
    case .invalidQuestionID:
      throw RobotRPC.statusError(.invalidQuestionID, "no question \(id) is outstanding", method)
    case .invalidCode:
      throw RobotRPC.statusError(
        .invalidAnswerCode,
        "\(request.code) is not an answer code of question \(id)",
        method
      )
    case .alreadyAnswered:
      throw RobotRPC.statusError(
        .questionAlreadyAnswered,
        "question \(id) was answered already",
        method
      )
    case .customParamsError:
      var error = RobotRPC.statusError(
        .customParamsError,
        "the answer does not fit question \(id)'s spec: \(response.customParamError.status)",
        method
      )
      error.customParamError = response.customParamError
      throw error
    case .incompatibleAnswer:
      throw RobotRPC.statusError(
        .incompatibleAnswer,
        "question \(id) takes the other kind of answer",
        method
      )
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown answer status \(value)", method)
    }
  }

  // MARK: Checks

  /// How deeply a chunked response may nest. The robot loads missions up to 256 levels deep
  /// (two messages a level in GetMission's tree, one in MissionInfo); with SwiftProtobuf's
  /// default limit of 100 messages, a mission deeper than about 50 levels loaded on the robot
  /// and then failed to decode here, in the load's own response.
  static let chunkedDecodingOptions: BinaryDecodingOptions = {
    var options = BinaryDecodingOptions()
    options.messageDepthLimit = 2 * 1024
    return options
  }()

  /// The message a streamed response's chunks carry. Chunks that make no such message are a
  /// `responseError`, as every answer this client cannot use is a ``/BosdynCore/ClientError``.
  private static func assemble<Message: SwiftProtobuf.Message>(
    _ response: StreamingClientResponse<Bosdyn_Api_DataChunk>,
    _ method: MethodDescriptor
  ) async throws -> Message {
    let chunks = try await response.messages.reduce(into: []) { $0.append($1) }
    do {
      return try DataChunks.join(chunks, decodingOptions: Self.chunkedDecodingOptions)
    } catch let error as DataChunks.AssemblyError {
      throw RobotRPC.statusError(.responseError, error.description, method)
    }
  }

  /// The leases a call sends: the given ones, else the wallet's body lease advanced, else
  /// none.
  private func leases(_ given: [Lease]?) throws -> [Lease] {
    if let given { return given }
    guard let wallet = self.wallet else { return [] }
    return [try wallet.advance(resource: LeaseClient.bodyResource)]
  }

  private func checkHeader(_ header: Bosdyn_Api_ResponseHeader, _ method: MethodDescriptor)
    throws
  {
    if let error = ClientError.from(header: header, method: method.fullyQualifiedMethod) {
      throw error
    }
  }

  private func checkLeases(_ results: [Bosdyn_Api_LeaseUseResult], _ method: MethodDescriptor)
    throws
  {
    for result in results { self.wallet?.onLeaseUseResult(result) }
    if let error = ClientError.from(leaseUseResults: results, method: method.fullyQualifiedMethod) {
      throw error
    }
  }

  private func check(
    _ response: Bosdyn_Api_Mission_LoadMissionResponse,
    _ method: MethodDescriptor
  ) throws {
    try self.checkLeases(response.leaseUseResults, method)
    switch response.status {
    case .ok: return
    case .compileError:
      throw RobotRPC.statusError(
        .compilationError,
        "the mission failed to compile: \(Self.describe(response.failedNodes))",
        method
      )
    case .validateError:
      throw RobotRPC.statusError(
        .validationError,
        "the mission failed validation: \(Self.describe(response.failedNodes))",
        method
      )
    case .unknown: throw RobotRPC.statusError(.unsetStatus, "the status is unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown load status \(value)", method)
    }
  }

  /// `"node 'Greet' (bosdyn.api.mission.RemoteGrpc): no service named …; …"`.
  static func describe(_ failedNodes: [Bosdyn_Api_Mission_FailedNode]) -> String {
    guard !failedNodes.isEmpty else { return "no node named" }
    return failedNodes.map { node in
      let type = node.implTypename.isEmpty ? "" : " (\(node.implTypename))"
      return "node '\(node.name)'\(type): \(node.error)"
    }.joined(separator: "; ")
  }
}
