public import BosdynAPI

extension ClientError {
  /// The error a response header reports, or `nil` when its code is `CODE_OK`.
  ///
  /// Mirrors the Python SDK's `common_header_errors`, including treating an unset code as an
  /// error: a service that forgets to fill in its header is broken.
  ///
  /// - Parameters:
  ///   - header: The response header to inspect.
  ///   - method: The full name of the RPC, for the message.
  public static func from(
    header: Bosdyn_Api_ResponseHeader,
    method: String
  ) -> ClientError? {
    let code: Code
    switch header.error.code {
    case .ok: return nil
    case .unspecified: code = .unsetStatus
    case .internalServerError: code = .internalServerError
    case .invalidRequest: code = .invalidRequest
    case .UNRECOGNIZED: code = .responseError
    }
    let detail = header.error.message.isEmpty ? "" : ": \(header.error.message)"
    return ClientError(
      code: code,
      message: "response header \(header.error.code.protoName)\(detail)",
      method: method,
      layer: .response
    )
  }

  /// The first non-OK lease use result as an error, or `nil` when all leases were accepted.
  ///
  /// Mirrors the Python SDK's `common_lease_errors`.
  public static func from(
    leaseUseResults: [Bosdyn_Api_LeaseUseResult],
    method: String
  ) -> ClientError? {
    guard let bad = leaseUseResults.first(where: { $0.status != .ok }) else { return nil }
    var error = ClientError(
      code: .leaseUseError,
      message: "lease \(bad.attemptedLease.resource) rejected: \(bad.status)",
      method: method,
      layer: .response
    )
    error.leaseUseResult = bad
    return error
  }
}
