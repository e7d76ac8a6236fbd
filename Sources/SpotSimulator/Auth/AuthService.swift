public import BosdynAPI
import BosdynCore
public import GRPCCore
public import Logging
import SwiftProtobuf

/// The simulated robot's `bosdyn.api.AuthService`: trades a username and password, or a token
/// the robot issued earlier, for a fresh user token.
///
/// Statuses as the Python `AuthClient` maps them: a wrong username or password is
/// `STATUS_INVALID_LOGIN` (`InvalidLoginError`); six in a row for one user lock that user out
/// for a minute, `STATUS_TEMPORARILY_LOCKED_OUT` (`TemporarilyLockedOutError`; see
/// ``PasswordCheck``); a token that is expired, forged or whose user no longer exists is
/// `STATUS_INVALID_TOKEN` (`InvalidTokenError`).
///
/// ```swift
/// let passwords = PasswordCheck(accounts: UserAccounts(["user": "password"]), clock: .system())
/// let auth = AuthService(passwords: passwords, issuer: issuer)
/// try await withGRPCServer(transport: transport, services: [auth]) { _ in ... }
/// ```
public struct AuthService: Bosdyn_Api_AuthService.SimpleServiceProtocol {
  /// How the service issues tokens.
  public struct Configuration: Sendable {
    /// How long an issued token is accepted. The robot's user tokens last 12 hours; tests use
    /// seconds to see expiry happen.
    public var tokenLifetime: Duration

    /// Creates a configuration.
    public init(tokenLifetime: Duration) {
      self.tokenLifetime = tokenLifetime
    }

    /// 12-hour tokens, like the robot's.
    public static var defaults: Self { Self(tokenLifetime: .seconds(12 * 3600)) }
  }

  private let passwords: PasswordCheck
  private var accounts: UserAccounts { self.passwords.accounts }
  private let issuer: TokenIssuer
  private let configuration: Configuration
  private let logger: Logger

  /// Creates the service.
  ///
  /// - Parameters:
  ///   - passwords: The users who may log in, and their lock-outs (shared with the console).
  ///   - issuer: Signs the tokens; the same issuer must back the ``BearerTokenInterceptor``.
  ///   - configuration: Token lifetime.
  ///   - logger: Receives one info line per call (never a password or a token).
  public init(
    passwords: PasswordCheck,
    issuer: TokenIssuer,
    configuration: Configuration = .defaults,
    logger: Logger = Logger(label: "bosdyn.spot-sim.auth")
  ) {
    self.passwords = passwords
    self.issuer = issuer
    self.configuration = configuration
    self.logger = logger
  }

  /// Handles `GetAuthToken`: a password when one is given, otherwise the token.
  public func getAuthToken(
    request: Bosdyn_Api_GetAuthTokenRequest,
    context: ServerContext
  ) async throws -> Bosdyn_Api_GetAuthTokenResponse {
    try await respond(to: request) {
      var response = Bosdyn_Api_GetAuthTokenResponse()
      let username: String?
      if !request.password.isEmpty || request.token.isEmpty {
        switch self.passwords.verify(username: request.username, password: request.password) {
        case .accepted:
          username = request.username
          self.logger.info("GetAuthToken for \(request.username): password accepted")
        case .refused:
          username = nil
          response.status = .invalidLogin
          self.logger.info(
            "GetAuthToken for '\(request.username.escapedForDisplay)': invalid login"
          )
        case .lockedOut(let retryAfter):
          username = nil
          response.status = .temporarilyLockedOut
          self.logger.info(
            "GetAuthToken for '\(request.username.escapedForDisplay)': locked out for another \(retryAfter)"
          )
        }
      } else {
        switch await self.issuer.verify(request.token) {
        case .valid(let holder) where self.accounts.contains(username: holder):
          username = holder
          self.logger.info("GetAuthToken for \(holder): token refreshed")
        case .valid(let holder):
          username = nil
          response.status = .invalidToken
          self.logger.info("GetAuthToken: token of unknown user '\(holder)' refused")
        case .expired:
          username = nil
          response.status = .invalidToken
          self.logger.info("GetAuthToken: expired token refused")
        case .invalid(let reason):
          username = nil
          response.status = .invalidToken
          self.logger.info("GetAuthToken: invalid token refused: \(reason)")
        }
      }
      if let username {
        response.token = try await self.issuer.issue(
          username: username,
          validFor: self.configuration.tokenLifetime
        )
        response.status = .ok
      }
      return response
    }
  }
}
