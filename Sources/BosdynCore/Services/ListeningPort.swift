import Synchronization

/// The port a server will listen on, for whoever asks before it is known: the one "wait until
/// listening" every server of this package shares.
///
/// The first resolution wins: a server that bound keeps answering with its port after it
/// stopped, and a server stopped before it bound answers everyone with the error.
package final class ListeningPort: Sendable {
  private enum State {
    case pending([CheckedContinuation<Int, any Error>])
    case resolved(Result<Int, any Error>)
  }

  private let state = Mutex(State.pending([]))

  package init() {}

  /// Whether the port (or the failure to bind) is known.
  package var isResolved: Bool {
    self.state.withLock { state in
      if case .resolved = state { return true }
      return false
    }
  }

  /// The port, once resolved; waits until then.
  package func value() async throws -> Int {
    try await withCheckedThrowingContinuation { continuation in
      let known = self.state.withLock { state -> Result<Int, any Error>? in
        switch state {
        case .pending(var waiters):
          waiters.append(continuation)
          state = .pending(waiters)
          return nil
        case .resolved(let result):
          return result
        }
      }
      if let known { continuation.resume(with: known) }
    }
  }

  /// Tells every waiter, now and later, the port or why there is none.
  ///
  /// - Returns: `false` when an earlier resolution stands (then nothing changes).
  @discardableResult
  package func resolve(_ result: Result<Int, any Error>) -> Bool {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Int, any Error>]? in
      guard case .pending(let waiters) = state else { return nil }
      state = .resolved(result)
      return waiters
    }
    guard let waiters else { return false }
    for waiter in waiters { waiter.resume(with: result) }
    return true
  }
}
