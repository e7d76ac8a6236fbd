import BosdynAPI
import BosdynCore

/// The robot's auth service: user tokens from a username and password, and fresh tokens for
/// old ones (Python's `AuthClient`).
///
/// Most code calls ``RobotConnection/authenticate(_:)`` instead, which also keeps the token.
public struct AuthClient: Sendable {
  /// The directory name of the auth service.
  public static let serviceName = "auth"
  private let rpc: RobotRPC

  /// Creates a client reaching the auth service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.auth) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// A token for a user.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `invalidLogin`, `temporarilyLockedOut`,
  ///   or an RPC-layer code.
  public func token(username: String, password: String) async throws -> String {
    var request = Bosdyn_Api_GetAuthTokenRequest()
    request.username = username
    request.password = password
    return try await self.token(request)
  }

  /// A fresh token in exchange for a still valid one.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `invalidToken` when the robot no longer
  ///   accepts `token`.
  public func token(refreshing token: String) async throws -> String {
    var request = Bosdyn_Api_GetAuthTokenRequest()
    request.token = token
    return try await self.token(request)
  }

  private func token(_ request: Bosdyn_Api_GetAuthTokenRequest) async throws -> String {
    let method = Bosdyn_Api_AuthService.Method.GetAuthToken.descriptor
    let response = try await self.rpc.call(Bosdyn_Api_AuthService.Method.GetAuthToken.self, request)
    switch response.status {
    case .ok:
      return response.token
    case .invalidLogin:
      throw RobotRPC.statusError(.invalidLogin, "username and/or password are invalid", method)
    case .invalidToken:
      throw RobotRPC.statusError(.invalidToken, "the user token is invalid", method)
    case .temporarilyLockedOut:
      throw RobotRPC.statusError(
        .temporarilyLockedOut,
        "too many failed logins: the user is locked out for a while",
        method
      )
    case .unknown:
      throw RobotRPC.statusError(.unsetStatus, "the auth service left the status unset", method)
    case .UNRECOGNIZED(let value):
      throw RobotRPC.statusError(.unexpectedStatus, "unknown auth status \(value)", method)
    }
  }
}
