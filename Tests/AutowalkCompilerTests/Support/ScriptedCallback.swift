import BosdynAPI
import MissionExecutor
import Synchronization

/// A remote mission service answering from a script, recording every Tick: what a walk's
/// callbacks receive, without gRPC.
final class ScriptedCallback: RemoteMissionConnection {
  /// How the callback answers Ticks.
  enum Behavior: Sendable {
    /// SUCCESS at the first Tick of each run.
    case succeed
    /// FAILURE for the first `count` runs, then SUCCESS.
    case failFirst(Int)
    /// FAILURE every time.
    case fail
    /// RUNNING forever.
    case runForever
  }

  /// One Tick as the callback saw it.
  struct Tick: Sendable {
    var userString: String
    var params: Bosdyn_Api_DictParam
    var groupName: String
    var leases: [Bosdyn_Api_Lease]
  }

  private struct State {
    var ticks: [Tick] = []
    var runs = 0
    var sessions = 0
  }

  let name: String
  let behavior: Behavior
  private let state = Mutex(State())
  /// Where every callback of a world logs its ticks, to check their order across callbacks.
  let journal: Journal

  init(_ name: String, _ behavior: Behavior = .succeed, journal: Journal) {
    self.name = name
    self.behavior = behavior
    self.journal = journal
  }

  var ticks: [Tick] { self.state.withLock { $0.ticks } }
  var sessions: Int { self.state.withLock { $0.sessions } }

  func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  {
    let count = self.state.withLock { state -> Int in
      state.sessions += 1
      return state.sessions
    }
    var response = Bosdyn_Api_Mission_EstablishSessionResponse()
    response.status = .ok
    response.sessionID = "\(self.name)-\(count)"
    return response
  }

  func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  {
    var userString = ""
    for input in request.inputs where input.key == "user-string" {
      userString = input.value.constant.stringValue
    }
    let tick = Tick(
      userString: userString,
      params: request.params,
      groupName: request.groupName,
      leases: request.leases
    )
    let run = self.state.withLock { state -> Int in
      state.ticks.append(tick)
      state.runs += 1
      return state.runs
    }
    self.journal.record("\(self.name): \(userString)")
    var response = Bosdyn_Api_Mission_TickResponse()
    switch self.behavior {
    case .succeed: response.status = .success
    case .failFirst(let count): response.status = run <= count ? .failure : .success
    case .fail: response.status = .failure
    case .runForever: response.status = .running
    }
    if response.status == .failure { response.errorMessage = "scripted failure" }
    return response
  }

  func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  {
    var response = Bosdyn_Api_Mission_StopResponse()
    response.status = .ok
    return response
  }

  func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
  {
    var response = Bosdyn_Api_Mission_TeardownSessionResponse()
    response.status = .ok
    return response
  }
}

/// The order things happened in, across callbacks.
final class Journal: Sendable {
  private let entries = Mutex<[String]>([])

  func record(_ entry: String) {
    self.entries.withLock { $0.append(entry) }
  }

  var lines: [String] { self.entries.withLock { $0 } }
}
