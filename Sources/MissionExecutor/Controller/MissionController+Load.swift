public import BosdynAPI
import BosdynClient
import BosdynCore
import Clocks
import Logging
import Synchronization

extension MissionController {
  /// Loads a mission (LoadMission): compiles it, validates it against the environment, and on
  /// success replaces the loaded mission.
  ///
  /// Validation resolves every RemoteGrpc node's service and calls EstablishSession once per
  /// node, all concurrently, each within the node's `timeout`, with sub-leases of `leases` for
  /// the node's `lease_resources` and a declaration of each input. An unknown service, a lease
  /// resource `leases` do not cover, a failed call or a refused session makes the load answer
  /// `STATUS_VALIDATE_ERROR` with a FailedNode saying why (sessions that were established are
  /// torn down again). A failed load leaves the previous mission as it was.
  ///
  /// On success the previous mission is replaced: its callbacks get their Stop (if they were
  /// running) and every session a TeardownSession, before this returns. The new mission's
  /// status is `STATUS_NONE` (with its mission id and tick counter -1) until the first play.
  ///
  /// - Parameters:
  ///   - root: The mission.
  ///   - leases: The leases LoadMission carries.
  ///   - groupName: The group name ticks carry when a RemoteGrpc node has no
  ///     `group_name_format`.
  public func load(
    _ root: Bosdyn_Api_Mission_Node,
    leases: [Bosdyn_Api_Lease] = [],
    groupName: String? = nil
  ) async -> LoadResult {
    let ticket = self.storage.withLock { storage -> UInt64? in
      guard !storage.isShutDown else { return nil }
      storage.loadTickets += 1
      return storage.loadTickets
    }
    guard let ticket else {
      return LoadResult(
        status: .validateError,
        missionInfo: nil,
        failedNodes: [Self.failedNode(root, "the mission executor has shut down")]
      )
    }
    let compiled: CompiledMission
    do {
      compiled = try MissionCompiler(configuration: self.configuration.compiler).compile(root)
    } catch {
      self.logger.debug("LoadMission: compile error\n\(error)")
      return LoadResult(status: .compileError, missionInfo: nil, failedNodes: error.failedNodes)
    }
    let validation = await self.validate(compiled, leases: leases)
    if !validation.failedNodes.isEmpty {
      await self.perform(validation.teardowns)
      self.logger.debug("LoadMission: validate error: \(validation.failedNodes)")
      return LoadResult(
        status: .validateError,
        missionInfo: nil,
        failedNodes: validation.failedNodes
      )
    }
    let now = self.clock.now
    let installed = self.storage.withLock {
      storage -> (info: Bosdyn_Api_Mission_MissionInfo, farewell: Farewell)? in
      guard ticket > storage.installedTicket, !storage.isShutDown else { return nil }
      storage.installedTicket = ticket
      var farewell = storage.mission.map { Farewell($0.farewell(at: now)) } ?? Farewell()
      farewell.stops += storage.queuedCalls
      storage.queuedCalls.removeAll()
      storage.lastMissionID += 1
      let questionIDs = storage.questionIDs
      let mission = MissionRuntime(
        id: storage.lastMissionID,
        compiled: compiled,
        nodes: NodePlan.instantiate(compiled.plans, clientName: self.configuration.clientName),
        environment: self.environment,
        configuration: self.configuration,
        robotClock: self.robotClock,
        groupName: groupName,
        nextQuestionID: { questionIDs.next() }
      )
      for (node, session) in zip(mission.remoteNodes, validation.sessions) {
        node.connection = session.connection
        node.established(session.id)
      }
      storage.mission = mission
      return (compiled.missionInfo(id: mission.id), farewell)
    }
    guard let installed else {
      await self.perform(validation.teardowns)
      return LoadResult(
        status: .validateError,
        missionInfo: nil,
        failedNodes: [Self.failedNode(root, "a later LoadMission replaced this one")]
      )
    }
    await self.perform(installed.farewell.stops)
    await self.perform(installed.farewell.teardowns)
    self.logger.debug("LoadMission: loaded mission \(installed.info.id)")
    return LoadResult(status: .ok, missionInfo: installed.info, failedNodes: [])
  }

  /// The calls a replaced mission owes its services, Stops first.
  struct Farewell: Sendable {
    var stops: [PendingCall] = []
    var teardowns: [PendingCall] = []

    init() {}

    init(_ calls: (stops: [PendingCall], teardowns: [PendingCall])) {
      self.stops = calls.stops
      self.teardowns = calls.teardowns
    }
  }

  private struct Validation: Sendable {
    var failedNodes: [Bosdyn_Api_Mission_FailedNode] = []
    /// One per RemoteGrpc node, in pre-order, when every node validated.
    var sessions: [(connection: any RemoteMissionConnection, id: String)] = []
    /// TeardownSessions for the sessions established, to undo a failed load.
    var teardowns: [PendingCall] = []
  }

  /// Resolves and establishes a session for every RemoteGrpc node.
  private func validate(_ compiled: CompiledMission, leases: [Bosdyn_Api_Lease]) async
    -> Validation
  {
    let nodes = NodePlan.instantiate(compiled.plans, clientName: self.configuration.clientName)
      .compactMap { $0 as? RemoteGrpcExec }
    let requests = nodes.map { node in
      (
        name: node.name, plan: node.plan, request: node.establishRequest(loadLeases: leases),
        missing: node.missingResources(in: leases)
      )
    }
    let environment = self.environment
    let clock = self.clock
    let outcomes = await withTaskGroup(
      of: (Int, Result<(any RemoteMissionConnection, String), CompileFailure>).self
    ) { group in
      for (position, node) in requests.enumerated() {
        group.addTask {
          (
            position,
            await Self.establish(
              node.plan,
              node.request,
              missing: node.missing,
              environment: environment,
              clock: clock
            )
          )
        }
      }
      var outcomes = [Result<(any RemoteMissionConnection, String), CompileFailure>?](
        repeating: nil,
        count: requests.count
      )
      for await (position, outcome) in group { outcomes[position] = outcome }
      return outcomes
    }
    var validation = Validation()
    for (position, outcome) in outcomes.enumerated() {
      switch outcome {
      case .success(let session)?:
        validation.sessions.append((session.0, session.1))
        var teardown = TeardownSessionRequest()
        teardown.sessionID = session.1
        let request = teardown
        let connection = session.0
        validation.teardowns.append(
          .unanswered(missionID: 0) { _ = try await connection.call(request) }
        )
      case .failure(let failure)?:
        var failed = Bosdyn_Api_Mission_FailedNode()
        failed.name = requests[position].name
        failed.error = failure.message
        failed.implTypename = Bosdyn_Api_Mission_RemoteGrpc.protoMessageName
        validation.failedNodes.append(failed)
      case nil:
        break
      }
    }
    return validation
  }

  private static func establish(
    _ plan: RemoteGrpcPlan,
    _ request: EstablishSessionRequest,
    missing: [String],
    environment: any MissionEnvironment,
    clock: AnyClock<Duration>
  ) async -> Result<(any RemoteMissionConnection, String), CompileFailure> {
    guard missing.isEmpty else {
      return .failure(
        CompileFailure(
          "no lease on \(missing.joined(separator: ", ")) was given to load for \(plan.address)"
        )
      )
    }
    let connection: any RemoteMissionConnection
    do {
      connection = try await environment.remoteMissionService(at: plan.address)
    } catch {
      return .failure(CompileFailure("cannot reach \(plan.address): \(error)"))
    }
    let call = PendingCall(
      missionID: 0,
      node: nil,
      token: 0,
      deadline: clock.now.advanced(by: plan.timeout),
      cancellation: OneShotSignal(),
      body: { try await connection.call(request) }
    )
    switch await call.perform(on: clock) {
    case .answered(let response as EstablishSessionResponse):
      switch response.status {
      case .ok:
        return .success((connection, response.sessionID))
      case .missingLeases:
        return .failure(
          CompileFailure(
            "\(plan.address) refused the session: missing leases on "
              + response.missingLeaseResources.joined(separator: ", ")
          )
        )
      case .missingInputs:
        return .failure(
          CompileFailure(
            "\(plan.address) refused the session: missing inputs "
              + response.missingInputs.map(\.name).joined(separator: ", ")
          )
        )
      case .unknown, .UNRECOGNIZED:
        return .failure(
          CompileFailure(
            "\(plan.address) answered EstablishSession with \(response.status.protoName)"
          )
        )
      }
    case .answered:
      return .failure(CompileFailure("\(plan.address) answered EstablishSession strangely"))
    case .failed(let message):
      return .failure(CompileFailure("EstablishSession with \(plan.address) failed: \(message)"))
    case .timedOut:
      return .failure(
        CompileFailure(
          "EstablishSession with \(plan.address) got no answer within "
            + "\(plan.timeout.seconds) s"
        )
      )
    case .cancelled:
      return .failure(CompileFailure("EstablishSession with \(plan.address) was cancelled"))
    }
  }

  /// Runs calls nobody waits on (Stop, TeardownSession), concurrently, each within the farewell
  /// timeout; their errors are ignored, as Spot ignores Stop errors.
  func perform(_ calls: [PendingCall]) async {
    guard !calls.isEmpty else { return }
    let clock = self.clock
    let deadline = clock.now.advanced(by: self.configuration.farewellTimeout)
    await withDiscardingTaskGroup { group in
      for call in calls {
        group.addTask {
          _ = await call.withDeadline(deadline).perform(on: clock)
        }
      }
    }
  }

  static func failedNode(_ root: Bosdyn_Api_Mission_Node, _ error: String)
    -> Bosdyn_Api_Mission_FailedNode
  {
    var failed = Bosdyn_Api_Mission_FailedNode()
    failed.name = root.name
    failed.error = error
    return failed
  }
}

extension PendingCall {
  /// The same call with `deadline` when it has none.
  func withDeadline(_ deadline: AnyClock<Duration>.Instant) -> PendingCall {
    guard self.deadline == nil else { return self }
    return PendingCall(
      missionID: self.missionID,
      node: self.node,
      token: self.token,
      deadline: deadline,
      cancellation: self.cancellation,
      body: self.body
    )
  }
}
