import Synchronization

/// How many calls each client has in flight through the proxy, by `authorization` value (the
/// user token), against a limit shared by all of that client's connections.
final class ClientCallLimiter: Sendable {
  private let limit: Int
  private let calls = Mutex<[String: Int]>([:])

  init(limit: Int) {
    self.limit = max(1, limit)
  }

  /// Counts a call for `client`; `false` (and nothing counted) when it already has the limit.
  func admit(_ client: String) -> Bool {
    self.calls.withLock { calls in
      let current = calls[client, default: 0]
      guard current < self.limit else { return false }
      calls[client] = current + 1
      return true
    }
  }

  /// Ends a call ``admit(_:)`` counted.
  func release(_ client: String) {
    self.calls.withLock { calls in
      let remaining = calls[client, default: 1] - 1
      calls[client] = remaining > 0 ? remaining : nil
    }
  }

  /// The most calls one client may have in flight.
  var maximum: Int { self.limit }
}
