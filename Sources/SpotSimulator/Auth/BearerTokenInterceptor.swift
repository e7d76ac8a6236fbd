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
    var user: String?
    if !Self.servicesWithoutToken.contains(service) {
      let header = request.metadata[stringValues: "authorization"].first(where: { _ in true })
      if let error = await self.check(authorizationHeader: header) {
        return StreamingServerResponse(error: error)
      }
      if let header, let token = Self.bearerToken(in: header),
        case .valid(let name)? = self.issuer.cachedVerdict(token)
      {
        user = name
      }
    }
    let caller = user
    return try await withTaskLocal(AuthenticatedUser.$name, caller) {
      try await next(request, context)
    }
  }

  /// Checks an `authorization` metadata value; `nil` means the call may proceed.
  ///
  /// The proxy calls this for registered services whose entry says `user_token_required`, so
  /// those calls fail exactly like calls to the robot's own services.
  ///
  /// - Parameter authorizationHeader: The first `authorization` value, or `nil` when absent.
  /// - Returns: An `UNAUTHENTICATED` error saying what is wrong, or `nil` for a valid token.
  public func check(authorizationHeader: String?) async -> RPCError? {
    switch self.checkWithoutWaiting(authorizationHeader: authorizationHeader) {
    case .decided(let error):
      return error
    case .needsVerification(let token):
      return Self.error(for: await self.issuer.verify(token))
    }
  }

  /// What ``checkWithoutWaiting(authorizationHeader:)`` could tell without verifying a
  /// signature.
  public enum QuickCheck: Sendable {
    /// The answer: `nil` lets the call proceed, an error refuses it.
    case decided(RPCError?)
    /// The token is new to the issuer: only ``check(authorizationHeader:)`` can tell.
    case needsVerification(token: String)
  }

  /// Checks an `authorization` value as far as possible without waiting: a malformed header,
  /// or a token the issuer verified before (valid or since expired), is decided at once. The
  /// proxy uses it to route most calls on the connection's thread.
  public func checkWithoutWaiting(authorizationHeader: String?) -> QuickCheck {
    guard let authorizationHeader, !authorizationHeader.isEmpty else {
      return .decided(
        Self.unauthenticated("no bearer token: send 'authorization: Bearer <token>' metadata")
      )
    }
    guard let token = Self.bearerToken(in: authorizationHeader) else {
      return .decided(Self.unauthenticated("the authorization metadata is not 'Bearer <token>'"))
    }
    if let verdict = self.issuer.cachedVerdict(token) {
      return .decided(Self.error(for: verdict))
    }
    return .needsVerification(token: token)
  }

  /// The token of a `Bearer <token>` value (scheme in any case, spaces around the token
  /// ignored); `nil` when the value has another form. Scans UTF-8 bytes: this runs on every
  /// call.
  static func bearerToken(in header: String) -> String? {
    let scheme: [UInt8] = Array("bearer ".utf8)
    let bytes = header.utf8
    guard bytes.count > scheme.count else { return nil }
    var index = bytes.startIndex
    for expected in scheme {
      let byte = bytes[index]
      // ASCII letters compare case-insensitively; the space must match exactly.
      let lowered = (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
      guard lowered == expected else { return nil }
      index = bytes.index(after: index)
    }
    var end = bytes.endIndex
    while index < end, bytes[index] == UInt8(ascii: " ") { index = bytes.index(after: index) }
    while end > index, bytes[bytes.index(before: end)] == UInt8(ascii: " ") {
      end = bytes.index(before: end)
    }
    return String(Substring(header.utf8[index..<end]))
  }

  private static func error(for verdict: TokenVerdict) -> RPCError? {
    switch verdict {
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
