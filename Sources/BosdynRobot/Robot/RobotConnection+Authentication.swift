import Logging
import BosdynCore
import Foundation

extension RobotConnection {
  /// Logs in with a username and password and sends the token on every later call; the token
  /// is refreshed before it expires while ``run()`` runs.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `invalidLogin` for a wrong username or
  ///   password, or an RPC-layer error when the robot is unreachable.
  public func authenticate(_ credentials: RobotCredentials) async throws {
    let token = try await AuthClient(connection: self).token(
      username: credentials.username,
      password: credentials.password
    )
    self.tokens.set(UserToken(token), credentials: credentials)
  }

  /// Logs in with a username and password; see ``authenticate(_:)``.
  public func authenticate(username: String, password: String) async throws {
    try await self.authenticate(RobotCredentials(username: username, password: password))
  }

  /// Uses a token obtained elsewhere (a token cache, another connection).
  public func authenticate(token: String) {
    self.tokens.set(UserToken(token), credentials: nil)
  }

  /// The user token sent on calls, if the connection has one.
  public var userToken: UserToken? { self.tokens.token }

  /// Exchanges the current token for a fresh one, falling back to the stored password when
  /// the robot no longer accepts the token.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` when neither works; ``RobotConnectionError`` with
  ///   `.missingCredentials` when there is no token at all.
  public func refreshToken() async throws {
    guard let current = self.tokens.token else {
      throw RobotConnectionError(.missingCredentials, "there is no user token to refresh")
    }
    let auth = AuthClient(connection: self)
    do {
      let fresh = try await auth.token(refreshing: current.value)
      self.tokens.set(UserToken(fresh), credentials: nil)
    } catch let error as ClientError where !error.isRetryable {
      guard let credentials = self.tokens.credentials else { throw error }
      self.logger.info("Token refresh refused (\(error.code)); logging in again")
      try await self.authenticate(credentials)
    }
  }

  /// Refreshes the token each time `tokenRefreshFraction` of its lifetime has passed, retrying
  /// with a growing delay while the robot is unreachable. Ends when the connection closes or
  /// the task is cancelled.
  func keepTokenFresh() async {
    var retryDelay = Duration.seconds(1)
    for await _ in self.tokens.changes {
      guard let planned = self.tokens.token,
        let delay = planned.refreshDelay(
          fraction: self.configuration.tokenRefreshFraction,
          minimum: self.configuration.minimumTokenRefreshInterval
        )
      else { continue }
      var wait = delay
      while true {
        do {
          try await self.configuration.clock.sleep(for: wait)
        } catch {
          return
        }
        // A token set meanwhile (a new login) has its own plan, waiting in `changes`.
        guard self.tokens.token == planned else { break }
        do {
          try await self.refreshToken()
          self.logger.debug("Refreshed the user token for \(self.address)")
          retryDelay = .seconds(1)
          break
        } catch {
          self.logger.warning(
            "Could not refresh the user token for \(self.address), retrying in \(retryDelay): \(error)"
          )
          wait = retryDelay
          retryDelay = min(retryDelay * 2, .seconds(60))
        }
      }
    }
  }
}
