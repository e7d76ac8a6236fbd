extension ClientError {
  /// The kind of a ``ClientError``.
  ///
  /// An extensible set of values (like grpc-swift's `RuntimeError.Code`) rather than an enum, so
  /// new codes can be added without breaking exhaustive switches in user code.
  public struct Code: Hashable, Sendable, CustomStringConvertible {
    private enum Wrapped: Hashable, Sendable {
      case unavailable, timedOut, unimplemented, unauthenticated, permissionDenied
      case notFound, cancelled, resourceExhausted, rpcFailed
      case internalServerError, invalidRequest, unsetStatus, responseError
      case leaseUseError, invalidSessionID, missingLeases, missingInputs, customParamsError
      case unexpectedStatus
    }

    private var wrapped: Wrapped
    private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    /// The server could not be reached, or dropped the connection (gRPC `UNAVAILABLE`).
    public static let unavailable = Self(.unavailable)
    /// The deadline passed before an answer came (gRPC `DEADLINE_EXCEEDED`).
    public static let timedOut = Self(.timedOut)
    /// The server does not implement the RPC (gRPC `UNIMPLEMENTED`).
    public static let unimplemented = Self(.unimplemented)
    /// No valid credentials were sent (gRPC `UNAUTHENTICATED`).
    public static let unauthenticated = Self(.unauthenticated)
    /// The credentials do not allow this call (gRPC `PERMISSION_DENIED`).
    public static let permissionDenied = Self(.permissionDenied)
    /// The service or resource does not exist (gRPC `NOT_FOUND`).
    public static let notFound = Self(.notFound)
    /// The call was cancelled before it completed.
    public static let cancelled = Self(.cancelled)
    /// A message was too large or the server is out of some resource.
    public static let resourceExhausted = Self(.resourceExhausted)
    /// Any other gRPC failure; ``ClientError/rpcError`` has the details.
    public static let rpcFailed = Self(.rpcFailed)

    /// The response header says `CODE_INTERNAL_SERVER_ERROR`: the service's code failed.
    public static let internalServerError = Self(.internalServerError)
    /// The response header says `CODE_INVALID_REQUEST`.
    public static let invalidRequest = Self(.invalidRequest)
    /// The response header code or the RPC status was left unset by the service.
    public static let unsetStatus = Self(.unsetStatus)
    /// The response header carries another non-OK code.
    public static let responseError = Self(.responseError)
    /// A lease the call used was rejected; ``ClientError/leaseUseResult`` says why.
    public static let leaseUseError = Self(.leaseUseError)
    /// The session id is not one the service knows (`STATUS_INVALID_SESSION_ID`).
    public static let invalidSessionID = Self(.invalidSessionID)
    /// The service needs leases the call did not carry (`STATUS_MISSING_LEASES`).
    public static let missingLeases = Self(.missingLeases)
    /// The service needs inputs the call did not carry (`STATUS_MISSING_INPUTS`).
    public static let missingInputs = Self(.missingInputs)
    /// The service rejected the custom parameters (`STATUS_CUSTOM_PARAMS_ERROR`).
    public static let customParamsError = Self(.customParamsError)
    /// The RPC's status enum has a value this SDK does not know.
    public static let unexpectedStatus = Self(.unexpectedStatus)

    /// Whether a retry may succeed: transport trouble and deadlines, not bad requests.
    public var isRetryable: Bool {
      switch self.wrapped {
      case .unavailable, .timedOut, .resourceExhausted: true
      default: false
      }
    }

    /// The code's name, such as `invalidSessionID`.
    public var description: String {
      String(describing: self.wrapped)
    }
  }
}
