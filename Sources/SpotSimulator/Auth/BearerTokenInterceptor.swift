public import GRPCCore

/// Requires a valid user token on every call except those that come before one: the auth
/// service and the robot id service, as on the real robot.
///
/// The token travels as `authorization: Bearer <token>` metadata, which the Python SDK adds to
/// every call on a secure channel. A call without one, or with an expired or forged one, fails
/// with gRPC `UNAUTHENTICATED` and a message starting with "401" and saying why; the Python SDK
/// raises `UnauthenticatedError` for it.
///
/// ```swift
/// let interceptor = BearerTokenInterceptor(issuer: issuer)
/// let server = GRPCServer(transport: transport, services: services, interceptors: [interceptor])
/// ```
public struct BearerTokenInterceptor: ServerInterceptor {
  /// The services reachable without a token: you need the first to get a token, and clients
  /// read the second to learn which robot they talk to before logging in.
  public static let servicesWithoutToken: Set<String> = [
    "bosdyn.api.AuthService",
    "bosdyn.api.RobotIdService",
  ]

  private let issuer: TokenIssuer

  /// Creates an interceptor that accepts the tokens `issuer` signed.
  public init(issuer: TokenIssuer) {
    self.issuer = issuer
  }

  /// Checks the token before handing the call on; exempt services pass straight through.
  public func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingServerRequest<Input>,
    context: ServerContext,
    next:
      @Sendable (
        _ request: StreamingServerRequest<Input>,
        _ context: ServerContext
      ) async throws -> StreamingServerResponse<Output>
  ) async throws -> StreamingServerResponse<Output> {
    let service = context.descriptor.service.fullyQualifiedService
    if !Self.servicesWithoutToken.contains(service) {
      let header = request.metadata[stringValues: "authorization"].first(where: { _ in true })
      if let error = await self.check(authorizationHeader: header) {
        return StreamingServerResponse(error: error)
      }
    }
    return try await next(request, context)
  }

  /// Checks an `authorization` metadata value; `nil` means the call may proceed.
  ///
  /// The proxy calls this for registered services whose entry says `user_token_required`, so
  /// those calls fail exactly like calls to the robot's own services.
  ///
  /// - Parameter authorizationHeader: The first `authorization` value, or `nil` when absent.
  /// - Returns: An `UNAUTHENTICATED` error saying what is wrong, or `nil` for a valid token.
  public func check(authorizationHeader: String?) async -> RPCError? {
    guard let authorizationHeader, !authorizationHeader.isEmpty else {
      return Self.unauthenticated("no bearer token: send 'authorization: Bearer <token>' metadata")
    }
    let prefix = "bearer "
    guard authorizationHeader.count > prefix.count,
      authorizationHeader.prefix(prefix.count).lowercased() == prefix
    else {
      return Self.unauthenticated("the authorization metadata is not 'Bearer <token>'")
    }
    let token = authorizationHeader.dropFirst(prefix.count).trimmingWhitespace()
    switch await self.issuer.verify(token) {
    case .valid:
      return nil
    case .expired:
      return Self.unauthenticated("the user token has expired; authenticate again")
    case .invalid(let reason):
      return Self.unauthenticated("invalid user token: \(reason)")
    }
  }

  private static func unauthenticated(_ reason: String) -> RPCError {
    RPCError(code: .unauthenticated, message: "401 Unauthorized: \(reason)")
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    String(self.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
