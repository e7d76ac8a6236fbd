import BosdynAPI
import BosdynClient
import BosdynCore
import BosdynMission
import Logging
import Synchronization

/// A remote mission servicer that records every request and answers ticks as a test scripts.
///
/// Sessions are numbered `session-1`, `session-2`…; `forgetSessions()` makes it answer like a
/// restarted service. Tests wait for what it saw with ``waitUntil(_:)``.
final class RecordingServicer: RemoteMissionServicer {
  enum Event: Hashable, Sendable {
    case establish(String)
    case tick(String)
    case stop(String)
    case teardown(String)
  }

  /// How a tick is answered: `.respond` with a response, `.crash` (the handler throws, so the
  /// response header carries CODE_INTERNAL_SERVER_ERROR), or `.after` a gate opens (a service
  /// that hangs; open the gate before the server shuts down, which waits for its handlers: the
  /// server does not cancel a handler whose client gave up).
  enum Answer: Sendable {
    case respond(TickResponse)
    case crash
    /// Waits for the gate to open, then answers.
    case after(Gate, TickResponse)
  }

  private struct State {
    var events: [Event] = []
    var establishRequests: [EstablishSessionRequest] = []
    var ticks: [TickRequest] = []
    var sessions: Set<String> = []
    var nextSession = 0
    var inFlightTicks = 0
    var maxInFlightTicks = 0
    var waiters: [(@Sendable ([Event]) -> Bool, CheckedContinuation<Void, Never>)] = []
  }

  private let state = Mutex(State())
  private let script: @Sendable (TickRequest, Int) -> Answer
  private let refuseSessions: Bool
  let logger = Logger(label: "recording-servicer")

  /// - Parameters:
  ///   - refuseSessions: Answer EstablishSession with STATUS_MISSING_LEASES.
  ///   - script: The answer to the n-th tick (from 1).
  init(
    refuseSessions: Bool = false,
    script: @escaping @Sendable (TickRequest, Int) -> Answer = { _, _ in .respond(.success()) }
  ) {
    self.refuseSessions = refuseSessions
    self.script = script
  }

  var events: [Event] { self.state.withLock { $0.events } }
  var ticks: [TickRequest] { self.state.withLock { $0.ticks } }
  var establishRequests: [EstablishSessionRequest] {
    self.state.withLock { $0.establishRequests }
  }
  var maxInFlightTicks: Int { self.state.withLock { $0.maxInFlightTicks } }
  var tickCount: Int { self.ticks.count }

  /// Makes the servicer forget its sessions, as a restarted service would.
  func forgetSessions() {
    self.state.withLock { $0.sessions.removeAll() }
  }

  /// Returns once the recorded events satisfy `predicate`.
  func waitUntil(_ predicate: @escaping @Sendable ([Event]) -> Bool) async {
    await withCheckedContinuation { continuation in
      let done = self.state.withLock { state -> Bool in
        if predicate(state.events) { return true }
        state.waiters.append((predicate, continuation))
        return false
      }
      if done { continuation.resume() }
    }
  }

  /// Records an event (and the request that came with it) and wakes the waiters it satisfies.
  ///
  /// - Returns: The tick's number (from 1) and whether its session is known, for ticks.
  @discardableResult
  private func record(
    _ event: Event,
    establish: EstablishSessionRequest? = nil,
    tick: TickRequest? = nil,
    removing session: String? = nil
  ) -> (number: Int, known: Bool) {
    let (ready, outcome) = self.state.withLock {
      state -> ([CheckedContinuation<Void, Never>], (number: Int, known: Bool)) in
      state.events.append(event)
      var outcome = (number: 0, known: false)
      if let establish {
        state.establishRequests.append(establish)
        if case .establish(let id) = event, !id.isEmpty { state.sessions.insert(id) }
      }
      if let tick {
        state.ticks.append(tick)
        outcome = (state.ticks.count, state.sessions.contains(tick.sessionID))
        state.inFlightTicks += 1
        state.maxInFlightTicks = max(state.maxInFlightTicks, state.inFlightTicks)
      }
      if let session { state.sessions.remove(session) }
      var ready: [CheckedContinuation<Void, Never>] = []
      state.waiters.removeAll { waiter in
        guard waiter.0(state.events) else { return false }
        ready.append(waiter.1)
        return true
      }
      return (ready, outcome)
    }
    for continuation in ready { continuation.resume() }
    return outcome
  }

  func establishSession(_ request: EstablishSessionRequest) async throws
    -> EstablishSessionResponse
  {
    if self.refuseSessions {
      self.record(.establish(""), establish: request)
      var response = EstablishSessionResponse()
      response.status = .missingLeases
      response.missingLeaseResources = ["body"]
      return response
    }
    let id = self.state.withLock { state -> String in
      state.nextSession += 1
      return "session-\(state.nextSession)"
    }
    self.record(.establish(id), establish: request)
    return .ok(sessionID: id)
  }

  func tick(_ request: TickRequest) async throws -> TickResponse {
    let (number, known) = self.record(.tick(request.sessionID), tick: request)
    defer { self.state.withLock { $0.inFlightTicks -= 1 } }
    guard known else { return .invalidSessionID() }
    switch self.script(request, number) {
    case .respond(let response):
      return response
    case .crash:
      throw CrashError()
    case .after(let gate, let response):
      await gate.wait()
      return response
    }
  }

  func stop(_ request: StopRequest) async throws -> StopResponse {
    self.record(.stop(request.sessionID))
    return .ok
  }

  func teardownSession(_ request: TeardownSessionRequest) async throws -> TeardownSessionResponse {
    self.record(.teardown(request.sessionID), removing: request.sessionID)
    return .ok
  }

  struct CrashError: Error, CustomStringConvertible {
    var description: String { "the servicer crashed" }
  }
}

extension Array where Element == RecordingServicer.Event {
  var ticks: Int { self.filter { if case .tick = $0 { return true } else { return false } }.count }
  var stops: Int { self.filter { if case .stop = $0 { return true } else { return false } }.count }
  var teardowns: Int {
    self.filter { if case .teardown = $0 { return true } else { return false } }.count
  }
}

/// A gate a test opens once; waiters pass after that.
final class Gate: Sendable {
  private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>(
    (false, [])
  )

  func open() {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.open = true
      defer { state.waiters.removeAll() }
      return state.waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  func wait() async {
    await withCheckedContinuation { continuation in
      let open = self.state.withLock { state -> Bool in
        if state.open { return true }
        state.waiters.append(continuation)
        return false
      }
      if open { continuation.resume() }
    }
  }
}
