public import BosdynCore
public import Foundation
import Synchronization

/// The calls the robot's mission service made to callbacks (EstablishSession, Tick, Stop,
/// TeardownSession), newest last: what a callback author wants to see next to a mission's
/// node states — when each Tick went out, how long it took, what came back.
///
/// Bounded: the oldest calls are dropped beyond ``capacity``. Each call has a number that
/// only grows, so a reader can ask for the calls after the last one it saw.
public final class CallbackCallLog: Sendable {
  /// One call.
  public struct Call: Sendable, Equatable {
    /// Which call this is: 1 for the first the robot made, one more for each next.
    public var number: Int
    /// The callback's directory name.
    public var service: String
    /// Which connection made the call (numbered as ``nextConnection`` says): the mission
    /// service opens one per RemoteGrpc node when it loads a mission, so a mission's calls are
    /// those of the connections opened from its load on.
    public var connection: Int
    /// `EstablishSession`, `Tick`, `Stop` or `TeardownSession`.
    public var rpc: String
    /// When the mission service sent it, on the robot's clock.
    public var started: Date
    /// How long until the answer (or the failure).
    public var duration: Duration
    /// The answer's status name (`STATUS_SUCCESS`, `STATUS_RUNNING`, …), or why the call
    /// failed.
    public var outcome: String
    /// Whether the call failed or answered with a failing status.
    public var failed: Bool
  }

  /// How many calls are kept.
  public let capacity: Int
  private let clock: RobotClock
  private let state = Mutex<(calls: [Call], next: Int, nextConnection: Int)>(([], 1, 1))

  /// An empty log timing calls on `clock`, keeping the last `capacity` calls.
  public init(clock: RobotClock, capacity: Int = 1000) {
    self.clock = clock
    self.capacity = max(1, capacity)
  }

  /// The number the next call will get: a reader that keeps it sees only later calls.
  public var nextNumber: Int { self.state.withLock { $0.next } }

  /// The number the next connection will get: a reader that keeps it before a mission loads
  /// can tell that mission's calls from the farewells of the mission it replaced.
  public var nextConnection: Int { self.state.withLock { $0.nextConnection } }

  /// Numbers a new connection to a callback.
  func openConnection() -> Int {
    self.state.withLock { state in
      defer { state.nextConnection += 1 }
      return state.nextConnection
    }
  }

  /// The calls numbered `first` or later that are still kept, oldest first.
  public func calls(from first: Int = 1) -> [Call] {
    self.state.withLock { state in
      let kept = state.calls
      guard let oldest = kept.first?.number else { return [] }
      let start = max(0, first - oldest)
      return start < kept.count ? Array(kept[start...]) : []
    }
  }

  /// Times `body` as call `rpc` to `service` and records how it ended.
  func record<Response: Sendable>(
    service: String,
    connection: Int = 0,
    rpc: String,
    status: (Response) -> (name: String, failed: Bool),
    _ body: () async throws -> Response
  ) async throws -> Response {
    let started = self.clock.now
    let result: Result<Response, any Error>
    do {
      result = .success(try await body())
    } catch {
      result = .failure(error)
    }
    let outcome: (name: String, failed: Bool) =
      switch result {
      case .success(let response): status(response)
      case .failure(let error as CancellationError): ("cancelled: \(error)", true)
      case .failure(let error): (String(describing: error).escapedForDisplay, true)
      }
    let duration = self.clock.now - started
    let wallStart = self.clock.wallTime(at: started)
    self.state.withLock { state in
      state.calls.append(
        Call(
          number: state.next,
          service: service,
          connection: connection,
          rpc: rpc,
          started: wallStart,
          duration: duration,
          outcome: outcome.name,
          failed: outcome.failed
        )
      )
      state.next += 1
      if state.calls.count > self.capacity {
        state.calls.removeFirst(state.calls.count - self.capacity)
      }
    }
    return try result.get()
  }
}
