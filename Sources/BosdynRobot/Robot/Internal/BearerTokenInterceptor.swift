import GRPCCore

/// Adds `authorization: Bearer <token>` to every call once the connection has a user token, as
/// the Python SDK's channel credentials do.
struct BearerTokenInterceptor: ClientInterceptor {
  let tokens: TokenStore

  func intercept<Input: Sendable, Output: Sendable>(
    request: StreamingClientRequest<Input>,
    context: ClientContext,
    next: (StreamingClientRequest<Input>, ClientContext) async throws -> StreamingClientResponse<
      Output
    >
  ) async throws -> StreamingClientResponse<Output> {
    guard let token = self.tokens.token else {
      return try await next(request, context)
    }
    var request = request
    request.metadata.replaceOrAddString("Bearer \(token.value)", forKey: "authorization")
    return try await next(request, context)
  }
}
