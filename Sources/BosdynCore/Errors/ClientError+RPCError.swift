public import GRPCCore

extension ClientError {
  /// Wraps a gRPC failure. This is the one place that maps gRPC status codes to SDK codes.
  ///
  /// - Parameters:
  ///   - rpcError: The error grpc-swift threw.
  ///   - method: The full name of the RPC, for the message.
  public init(rpcError: RPCError, method: String) {
    let code: Code
    switch rpcError.code {
    case .unavailable: code = .unavailable
    case .deadlineExceeded: code = .timedOut
    case .unimplemented: code = .unimplemented
    case .unauthenticated: code = .unauthenticated
    case .permissionDenied: code = .permissionDenied
    case .notFound: code = .notFound
    case .cancelled: code = .cancelled
    case .resourceExhausted: code = .resourceExhausted
    default: code = .rpcFailed
    }
    self.init(
      code: code,
      message: "gRPC \(rpcError.code): \(rpcError.message)",
      method: method,
      layer: .rpc,
      rpcError: rpcError
    )
  }
}
