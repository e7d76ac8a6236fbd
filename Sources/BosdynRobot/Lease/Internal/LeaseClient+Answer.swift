import BosdynAPI
import BosdynCore
import GRPCCore

extension LeaseClient {
  /// The statuses `AcquireLease`, `TakeLease` and `ReturnLease` answer with, gathered from their
  /// three status enums so one mapping to ``/BosdynCore/ClientError`` serves all of them.
  enum Answer {
    case ok
    case resourceAlreadyClaimed(by: Bosdyn_Api_LeaseOwner)
    case invalidResource
    case notActiveLease
    case notAuthoritativeService
    case unset
    case unrecognized(Int)
  }

  /// Returns when `answer` is OK and throws the matching error otherwise.
  ///
  /// - Parameters:
  ///   - resource: The lease resource the call was about, for the message.
  ///   - call: `acquire`, `take` or `return`, for the message about an unknown status.
  ///   - method: The RPC.
  static func check(
    _ answer: Answer,
    resource: String,
    call: String,
    _ method: MethodDescriptor
  ) throws {
    let code: ClientError.Code
    let message: String
    switch answer {
    case .ok:
      return
    case .resourceAlreadyClaimed(let owner):
      code = .resourceAlreadyClaimed
      message = "'\(resource)' is held by client '\(owner.clientName)' of user '\(owner.userName)'"
    case .invalidResource:
      code = .invalidResource
      message = "no lease resource '\(resource)'"
    case .notActiveLease:
      code = .notActiveLease
      message = "the lease on '\(resource)' is not the active one"
    case .notAuthoritativeService:
      code = .notAuthoritativeService
      message = "this lease service does not manage '\(resource)'"
    case .unset:
      code = .unsetStatus
      message = "the status was left unset"
    case .unrecognized(let value):
      code = .unexpectedStatus
      message = "unknown \(call) status \(value)"
    }
    throw RobotRPC.statusError(code, message, method)
  }
}

extension Bosdyn_Api_AcquireLeaseResponse {
  /// The status as a ``LeaseClient/Answer``.
  var answer: LeaseClient.Answer {
    switch self.status {
    case .ok: .ok
    case .resourceAlreadyClaimed: .resourceAlreadyClaimed(by: self.leaseOwner)
    case .invalidResource: .invalidResource
    case .notAuthoritativeService: .notAuthoritativeService
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}

extension Bosdyn_Api_TakeLeaseResponse {
  /// The status as a ``LeaseClient/Answer``.
  var answer: LeaseClient.Answer {
    switch self.status {
    case .ok: .ok
    case .invalidResource: .invalidResource
    case .notAuthoritativeService: .notAuthoritativeService
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}

extension Bosdyn_Api_ReturnLeaseResponse {
  /// The status as a ``LeaseClient/Answer``.
  var answer: LeaseClient.Answer {
    switch self.status {
    case .ok: .ok
    case .invalidResource: .invalidResource
    case .notActiveLease: .notActiveLease
    case .notAuthoritativeService: .notAuthoritativeService
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}
