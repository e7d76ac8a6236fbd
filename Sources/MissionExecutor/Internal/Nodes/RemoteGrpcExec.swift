import BosdynAPI
import BosdynClient
import BosdynCore
import Clocks

/// RemoteGrpc: ticks a remote mission service, as the robot's mission service does.
///
/// The session is established at load (see the controller). Each tick of the node sends at
/// most one Tick RPC and never waits for it: the node reports RUNNING until the answer arrives,
/// and sends the next Tick only once the previous one has ended. A RUNNING answer keeps the node
/// running; SUCCESS and FAILURE are its result. `STATUS_INVALID_SESSION_ID` (the service
/// restarted) establishes a new session once and goes on; `MISSING_LEASES`, `MISSING_INPUTS` and
/// `CUSTOM_PARAMS_ERROR` fail the node with the reason. A Tick that fails at the RPC level or gets
/// no answer within `timeout` is sent again; the node fails when no good answer came within
/// `timeout` of its start or of its last good answer.
///
/// When the node stops being ticked (its parent moved on, it finished, the mission paused,
/// stopped, restarted or was replaced) it sends Stop, after any Tick still in flight so the Stop
/// cannot overtake it; Stop errors are ignored. A Tick after a Stop starts the node afresh.
final class RemoteGrpcExec: ExecNode {
  let plan: RemoteGrpcPlan
  private let clientName: String
  /// The connection, resolved at load.
  var connection: (any RemoteMissionConnection)?
  /// The current session id.
  private(set) var sessionID = ""
  /// Every session established, each torn down once when the mission goes away.
  private(set) var sessions: [String] = []

  private enum InFlight {
    case tick(token: UInt64, cancellation: OneShotSignal, stale: Bool)
    case establish(token: UInt64)
    case stop(token: UInt64)
  }

  private var inFlight: InFlight?
  private var answer: CallResult?
  private var healthySince: AnyClock<Duration>.Instant?
  private var lastError: String?
  private var reestablished = false
  private var establishError: String?
  private var stopOwed = false
  private var leaseCache: (generation: Int, leases: [Bosdyn_Api_Lease], missing: [String])?

  init(index: Int, name: String, plan: RemoteGrpcPlan, clientName: String) {
    self.plan = plan
    self.clientName = clientName
    super.init(index: index, name: name, children: [])
  }

  // MARK: Load

  /// The EstablishSession request for a load with `leases`.
  func establishRequest(loadLeases: [Bosdyn_Api_Lease]) -> EstablishSessionRequest {
    var request = EstablishSessionRequest()
    request.leases =
      Self.subleases(
        of: loadLeases,
        for: self.plan.leaseResources,
        clientName: self.clientName
      ).leases
    request.inputs = self.plan.inputs.map { input in
      var declaration = VariableDeclaration()
      declaration.name = input.key
      declaration.type = input.value.declaredType
      return declaration
    }
    return request
  }

  /// Resources of `lease_resources` that `leases` do not cover.
  func missingResources(in leases: [Bosdyn_Api_Lease]) -> [String] {
    Self.subleases(of: leases, for: self.plan.leaseResources, clientName: self.clientName).missing
  }

  /// Records the session a load established.
  func established(_ sessionID: String) {
    self.sessionID = sessionID
    self.sessions.append(sessionID)
  }

  // MARK: Ticking

  override func start(_ context: TickContext) {
    self.begin(context)
  }

  private func begin(_ context: TickContext) {
    self.healthySince = context.now
    self.answer = nil
    self.lastError = nil
    self.reestablished = false
    self.establishError = nil
    if case .tick(let token, let cancellation, _) = self.inFlight {
      self.inFlight = .tick(token: token, cancellation: cancellation, stale: true)
    }
  }

  override func update(_ context: TickContext, ranLastTick: Bool) -> NodeStatus {
    if self.stoppedSinceLastTick { self.begin(context) }
    if let error = self.establishError {
      self.establishError = nil
      return context.fail(error)
    }
    if let answer = self.answer {
      self.answer = nil
      if let finished = self.consume(answer, context) { return finished }
    }
    let healthySince = self.healthySince ?? context.now
    if healthySince.duration(to: context.now) >= self.plan.timeout {
      if case .tick(_, let cancellation, _) = self.inFlight { cancellation.fire() }
      return context.fail(
        "no good answer from \(self.plan.address) within \(self.plan.timeout.seconds) s"
          + (self.lastError.map { "; last error: \($0)" } ?? "")
      )
    }
    if self.inFlight == nil && !self.stopOwed {
      return self.sendTick(context)
    }
    return .running
  }

  /// Handles an answer; returns the node's result when the answer ends the node.
  private func consume(_ answer: CallResult, _ context: TickContext) -> NodeStatus? {
    let response: TickResponse
    switch answer {
    case .answered(let value as TickResponse):
      response = value
    case .answered(let value):
      self.lastError = "unexpected answer \(type(of: value))"
      return nil
    case .failed(let message):
      self.lastError = message
      return nil
    case .timedOut:
      self.lastError = "Tick got no answer within \(self.plan.timeout.seconds) s"
      return nil
    case .cancelled:
      return nil
    }
    switch response.status {
    case .running:
      self.healthySince = context.now
      self.lastError = nil
      self.reestablished = false
      return nil
    case .success:
      return .success
    case .failure:
      return context.fail(
        response.errorMessage.isEmpty
          ? "\(self.plan.address) answered STATUS_FAILURE" : response.errorMessage
      )
    case .invalidSessionID:
      guard !self.reestablished else {
        return context.fail(
          "\(self.plan.address) answered STATUS_INVALID_SESSION_ID again after a new session"
        )
      }
      self.reestablished = true
      self.sendEstablish(context)
      return .running
    case .missingLeases:
      return context.fail(
        "\(self.plan.address) is missing leases on "
          + response.missingLeaseResources.joined(separator: ", ")
          + (response.errorMessage.isEmpty ? "" : ": \(response.errorMessage)")
      )
    case .missingInputs:
      return context.fail(
        "\(self.plan.address) is missing inputs "
          + response.missingInputs.map(\.name).joined(separator: ", ")
          + (response.errorMessage.isEmpty ? "" : ": \(response.errorMessage)")
      )
    case .customParamsError:
      let error = response.customParamError
      return context.fail(
        "\(self.plan.address) rejected the custom params (\(error.status)): "
          + error.errorMessages.joined(separator: "; ")
      )
    case .unknown, .UNRECOGNIZED:
      self.lastError = "\(self.plan.address) answered \(response.status.protoName)"
      return nil
    }
  }

  private func sendTick(_ context: TickContext) -> NodeStatus {
    guard let connection = self.connection else {
      return context.fail("\(self.plan.address) has no connection")
    }
    var request = TickRequest()
    request.sessionID = self.sessionID
    let leases = self.playSubleases(context.mission)
    guard leases.missing.isEmpty else {
      return context.fail(
        "no lease on \(leases.missing.joined(separator: ", ")) was given to play"
      )
    }
    request.leases = leases.leases
    do {
      for (key, source) in self.plan.inputs {
        var input = KeyValue()
        input.key = key
        input.value.constant = try context.blackboard.evaluate(source).constant
        request.inputs.append(input)
      }
      if let format = self.plan.groupNameFormat {
        request.groupName = try format.render(context.blackboard)
      } else if let groupName = context.mission.groupName {
        request.groupName = groupName
      }
    } catch {
      return context.raise("RemoteGrpc \(self.plan.address): \(error)")
    }
    if let params = self.plan.params { request.params = params }
    let tick = request
    let call = context.call(from: self.index, timeout: self.plan.timeout) {
      try await connection.call(tick)
    }
    self.inFlight = .tick(token: call.token, cancellation: call.cancellation, stale: false)
    return .running
  }

  private func sendEstablish(_ context: TickContext) {
    guard let connection = self.connection else { return }
    let request = self.establishRequest(loadLeases: Array(context.mission.leases.values))
    let call = context.call(from: self.index, timeout: self.plan.timeout) {
      try await connection.call(request)
    }
    self.inFlight = .establish(token: call.token)
  }

  private func playSubleases(_ mission: MissionRuntime) -> (
    leases: [Bosdyn_Api_Lease], missing: [String]
  ) {
    if let cache = self.leaseCache, cache.generation == mission.leaseGeneration {
      return (cache.leases, cache.missing)
    }
    let result = Self.subleases(
      of: Array(mission.leases.values),
      for: self.plan.leaseResources,
      clientName: self.clientName
    )
    self.leaseCache = (mission.leaseGeneration, result.leases, result.missing)
    return result
  }

  private static func subleases(
    of leases: [Bosdyn_Api_Lease],
    for resources: [String],
    clientName: String
  ) -> (leases: [Bosdyn_Api_Lease], missing: [String]) {
    var found: [Bosdyn_Api_Lease] = []
    var missing: [String] = []
    for resource in resources {
      if let lease = leases.first(where: { $0.resource == resource }) {
        found.append(lease.sublease(clientName: clientName))
      } else {
        missing.append(resource)
      }
    }
    return (found, missing)
  }

  // MARK: Answers, Stop, teardown

  override func deliver(_ token: UInt64, _ result: CallResult, _ context: TickContext) {
    switch self.inFlight {
    case .tick(let current, _, let stale) where current == token:
      self.inFlight = nil
      if !stale { self.answer = result }
    case .establish(let current) where current == token:
      self.inFlight = nil
      switch result {
      case .answered(let response as EstablishSessionResponse) where response.status == .ok:
        self.established(response.sessionID)
      case .answered(let response as EstablishSessionResponse):
        self.establishError =
          "establishing a new session with \(self.plan.address) failed: "
          + response.status.protoName
      case .answered, .cancelled:
        self.establishError = "establishing a new session with \(self.plan.address) failed"
      case .failed(let message):
        self.establishError =
          "establishing a new session with \(self.plan.address) failed: \(message)"
      case .timedOut:
        self.establishError =
          "establishing a new session with \(self.plan.address) timed out"
      }
    case .stop(let current) where current == token:
      self.inFlight = nil
      if case .cancelled = result {
        // Never sent (the calls' driver wound down): still owed.
        self.stopOwed = true
        context.mission.pendingStops.append(self)
      }
    default:
      break
    }
  }

  override func stopped(_ context: TickContext, reason: StopReason) {
    if case .tick(let token, let cancellation, _) = self.inFlight {
      self.inFlight = .tick(token: token, cancellation: cancellation, stale: true)
    }
    self.stopOwed = true
    if !self.sendPendingStop(context) {
      context.mission.pendingStops.append(self)
    }
  }

  /// Sends the Stop the node owes once nothing else is in flight.
  ///
  /// - Returns: Whether nothing is owed any more.
  func sendPendingStop(_ context: TickContext) -> Bool {
    guard self.stopOwed else { return true }
    guard self.inFlight == nil, let connection = self.connection else { return false }
    self.stopOwed = false
    var stop = StopRequest()
    stop.sessionID = self.sessionID
    let request = stop
    let call = context.call(from: self.index, timeout: self.plan.timeout) {
      try await connection.call(request)
    }
    self.inFlight = .stop(token: call.token)
    return true
  }

  /// What the node still owes its service when the mission goes away: the Stop (sent without
  /// waiting for a Tick in flight, which is abandoned) and one TeardownSession per session.
  func farewellCalls(_ context: TickContext) -> (stop: PendingCall?, teardowns: [PendingCall]) {
    guard let connection = self.connection else { return (nil, []) }
    if case .tick(_, let cancellation, _) = self.inFlight { cancellation.fire() }
    var stop: PendingCall?
    if self.stopOwed {
      self.stopOwed = false
      var request = StopRequest()
      request.sessionID = self.sessionID
      let stopRequest = request
      stop = .unanswered(missionID: context.mission.id) {
        _ = try await connection.call(stopRequest)
      }
    }
    let teardowns = self.sessions.map { session in
      var teardown = TeardownSessionRequest()
      teardown.sessionID = session
      let request = teardown
      return PendingCall.unanswered(missionID: context.mission.id) {
        _ = try await connection.call(request)
      }
    }
    self.sessions.removeAll()
    return (stop, teardowns)
  }

  override func restart() {
    super.restart()
    self.answer = nil
    self.lastError = nil
    self.healthySince = nil
    self.reestablished = false
    self.establishError = nil
    if case .tick(let token, let cancellation, _) = self.inFlight {
      self.inFlight = .tick(token: token, cancellation: cancellation, stale: true)
    }
  }
}

extension PendingCall {
  /// A call whose result nobody waits for (Stop and TeardownSession when a mission goes away).
  static func unanswered(
    missionID: Int64,
    _ body: @escaping @Sendable () async throws -> Void
  ) -> PendingCall {
    PendingCall(
      missionID: missionID,
      node: nil,
      token: 0,
      deadline: nil,
      cancellation: OneShotSignal(),
      body: {
        try await body()
        return true
      }
    )
  }
}
