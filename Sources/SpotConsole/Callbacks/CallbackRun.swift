import BosdynAPI
import Foundation
import ServiceCustomization
import Synchronization

/// One run of a callback from its form: what to send, what happened so far, who is watching.
///
/// The run's calls happen in ``RunRegistry/run()``'s task group; pages follow it through
/// ``eventStream()``, which replays what already happened, then streams the rest.
final class CallbackRun: Sendable {
  /// The run's id in its URL: random, so one operator cannot guess another's run.
  let id: String
  /// The callback.
  let callback: CallbackSummary
  /// The parameters of every Tick.
  let params: Bosdyn_Api_DictParam
  /// The signed-in user the run takes the body lease for, when the operator asked to give the
  /// callback the lease (as the tablet gives an action's callback); `nil` runs without one.
  let bodyLeaseUser: String?
  /// Maps the callback's own parameter errors back to the form's fields.
  let fieldName: @Sendable ([ValueIssue.PathComponent]) -> String

  private struct State {
    var events: [RunEvent] = []
    var outcome: RunOutcome?
    var cancelled = false
    var watchers: [UUID: AsyncStream<ServerSentEvent>.Continuation] = [:]
  }

  private let state = Mutex(State())

  init(
    callback: CallbackSummary,
    params: Bosdyn_Api_DictParam,
    bodyLeaseFor username: String? = nil,
    fieldName: @escaping @Sendable ([ValueIssue.PathComponent]) -> String
  ) {
    self.id = RandomToken.make()
    self.callback = callback
    self.params = params
    self.bodyLeaseUser = username
    self.fieldName = fieldName
  }

  /// Whether the operator asked to stop the run (or the console is shutting down).
  var isCancelled: Bool { self.state.withLock { $0.cancelled } }

  /// Asks the run to stop ticking; it then sends Stop and TeardownSession.
  func cancel() {
    self.state.withLock { $0.cancelled = true }
  }

  /// How the run ended, once it has.
  var outcome: RunOutcome? { self.state.withLock { $0.outcome } }

  /// Every call so far.
  var recordedEvents: [RunEvent] { self.state.withLock { $0.events } }

  /// Records a call and tells every watcher.
  func record(_ event: RunEvent) {
    let watchers = self.state.withLock { state in
      state.events.append(event)
      return Array(state.watchers.values)
    }
    let message = ServerSentEvent(name: "call", data: Self.json(event))
    for watcher in watchers { watcher.yield(message) }
  }

  /// Records the end and closes every watcher's stream.
  func finish(_ outcome: RunOutcome) {
    let watchers = self.state.withLock { state in
      state.outcome = outcome
      defer { state.watchers = [:] }
      return Array(state.watchers.values)
    }
    let message = ServerSentEvent(name: "done", data: Self.json(outcome))
    for watcher in watchers {
      watcher.yield(message)
      watcher.finish()
    }
  }

  /// The run's events for a page: everything so far, then each new call, then the end.
  func eventStream() -> AsyncStream<ServerSentEvent> {
    let (stream, continuation) = AsyncStream.makeStream(
      of: ServerSentEvent.self,
      bufferingPolicy: .unbounded
    )
    let watcher = UUID()
    let (past, outcome) = self.state.withLock { state in
      if state.outcome == nil { state.watchers[watcher] = continuation }
      return (state.events, state.outcome)
    }
    for event in past { continuation.yield(ServerSentEvent(name: "call", data: Self.json(event))) }
    if let outcome {
      continuation.yield(ServerSentEvent(name: "done", data: Self.json(outcome)))
      continuation.finish()
    } else {
      continuation.onTermination = { [weak self] _ in
        _ = self?.state.withLock { $0.watchers.removeValue(forKey: watcher) }
      }
    }
    return stream
  }

  static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
  }
}
