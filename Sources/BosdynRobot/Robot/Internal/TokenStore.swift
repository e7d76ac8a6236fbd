import Synchronization

/// The user token a connection sends, the credentials to log in again with, and a signal each
/// time the token changes (which wakes the refresh loop).
final class TokenStore: Sendable {
  private struct State {
    var token: UserToken?
    var credentials: RobotCredentials?
  }

  private let state = Mutex(State())
  let changes: AsyncStream<Void>
  private let changesContinuation: AsyncStream<Void>.Continuation

  init() {
    (self.changes, self.changesContinuation) = AsyncStream.makeStream(
      bufferingPolicy: .bufferingNewest(1)
    )
  }

  /// The token to send, if any.
  var token: UserToken? { self.state.withLock { $0.token } }

  /// The credentials last used to log in, kept to log in again if refreshing fails.
  var credentials: RobotCredentials? { self.state.withLock { $0.credentials } }

  func set(_ token: UserToken, credentials: RobotCredentials?) {
    self.state.withLock { state in
      state.token = token
      if let credentials { state.credentials = credentials }
    }
    self.changesContinuation.yield()
  }

  func close() {
    self.changesContinuation.finish()
  }
}
