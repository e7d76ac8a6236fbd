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
      case invalidLogin, invalidToken, temporarilyLockedOut
      case alreadyExists, nonexistentService
      case resourceAlreadyClaimed, invalidResource, notAuthoritativeService, notActiveLease
      case leaseNotOwned, timeSyncNotEstablished
      case estopped, faulted, powerCommandFailed, notPoweredOn, commandRejected
      case compilationError, validationError, noMission, noMissionPlaying
      case invalidQuestionID, invalidAnswerCode, questionAlreadyAnswered, incompatibleAnswer
      case certificateVerificationFailed
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

    /// The username or password was wrong (auth `STATUS_INVALID_LOGIN`).
    public static let invalidLogin = Self(.invalidLogin)
    /// The token to refresh was not accepted (auth `STATUS_INVALID_TOKEN`).
    public static let invalidToken = Self(.invalidToken)
    /// Too many failed logins: the robot refuses this user for a while
    /// (auth `STATUS_TEMPORARILY_LOCKED_OUT`).
    public static let temporarilyLockedOut = Self(.temporarilyLockedOut)
    /// A directory entry with this name, or this authority and type, already exists
    /// (directory registration `STATUS_ALREADY_EXISTS`).
    public static let alreadyExists = Self(.alreadyExists)
    /// The directory has no service of that name (`STATUS_NONEXISTENT_SERVICE`).
    public static let nonexistentService = Self(.nonexistentService)
    /// Another client holds the lease (`STATUS_RESOURCE_ALREADY_CLAIMED`); taking it would work.
    public static let resourceAlreadyClaimed = Self(.resourceAlreadyClaimed)
    /// The lease service manages no such resource (`STATUS_INVALID_RESOURCE`).
    public static let invalidResource = Self(.invalidResource)
    /// The lease service is not the authority for the resource
    /// (`STATUS_NOT_AUTHORITATIVE_SERVICE`).
    public static let notAuthoritativeService = Self(.notAuthoritativeService)
    /// The lease returned is not the active one (`STATUS_NOT_ACTIVE_LEASE`).
    public static let notActiveLease = Self(.notActiveLease)
    /// The lease wallet holds no lease of its own for the resource.
    public static let leaseNotOwned = Self(.leaseNotOwned)
    /// Time sync with the robot has not produced an estimate yet.
    public static let timeSyncNotEstablished = Self(.timeSyncNotEstablished)
    /// The robot refused because it is e-stopped (`STATUS_ESTOPPED`).
    public static let estopped = Self(.estopped)
    /// The robot refused because of a system fault (`STATUS_FAULTED`).
    public static let faulted = Self(.faulted)
    /// The power service refused or failed the command for another reason; the message names
    /// the status.
    public static let powerCommandFailed = Self(.powerCommandFailed)
    /// The robot command needs the motors on (`STATUS_NOT_POWERED_ON`).
    public static let notPoweredOn = Self(.notPoweredOn)
    /// The robot command service refused the command; the message names the status.
    public static let commandRejected = Self(.commandRejected)

    /// The mission did not compile (`STATUS_COMPILE_ERROR`; Python's `CompilationError`); the
    /// message names the failed nodes.
    public static let compilationError = Self(.compilationError)
    /// The mission compiled but a node could not start, such as a callback missing from the
    /// directory (`STATUS_VALIDATE_ERROR`; Python's `ValidationError`).
    public static let validationError = Self(.validationError)
    /// No mission is loaded (`STATUS_NO_MISSION`; Python's `NoMissionError`).
    public static let noMission = Self(.noMission)
    /// No mission has started playing (`STATUS_NO_MISSION_PLAYING`; Python's
    /// `NoMissionPlayingError`).
    public static let noMissionPlaying = Self(.noMissionPlaying)
    /// The question id is unknown (Python's `InvalidQuestionId`).
    public static let invalidQuestionID = Self(.invalidQuestionID)
    /// The answer code is not one of the question's options (Python's `InvalidAnswerCode`).
    public static let invalidAnswerCode = Self(.invalidAnswerCode)
    /// The question was answered already (Python's `QuestionAlreadyAnswered`).
    public static let questionAlreadyAnswered = Self(.questionAlreadyAnswered)
    /// The answer's form does not fit the question: a code for custom parameters or the other
    /// way round (Python's `IncompatibleAnswer`).
    public static let incompatibleAnswer = Self(.incompatibleAnswer)

    /// The robot's TLS certificate is not one this client trusts: signed by another CA, or not
    /// naming the authority called. Not retryable: the configuration must change.
    public static let certificateVerificationFailed = Self(.certificateVerificationFailed)

    /// Whether a retry may succeed: transport trouble and deadlines, not bad requests.
    public var isRetryable: Bool {
      switch self.wrapped {
      case .unavailable, .timedOut, .resourceExhausted, .temporarilyLockedOut: true
      default: false
      }
    }

    /// The code's name, such as `invalidSessionID`.
    public var description: String {
      String(describing: self.wrapped)
    }
  }
}
