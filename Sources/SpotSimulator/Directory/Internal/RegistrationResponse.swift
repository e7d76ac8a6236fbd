import BosdynCore
import BosdynAPI
import SwiftProtobuf

/// A response of the directory registration service. Register, update and unregister answer a
/// ``ServiceRegistry/Outcome`` the same way, differing only in which refusal their status enum
/// has a value for; this lets one function build all three.
protocol RegistrationResponse: HeaderedResponse {
  /// The response's status enum.
  associatedtype Status: RegistrationStatus
  /// The status.
  var status: Status { get set }
}

/// The status enum of a ``RegistrationResponse``: `STATUS_OK` plus the refusals it can express
/// (`nil` where it has no value for one, which then goes in the header as
/// `CODE_INVALID_REQUEST`).
protocol RegistrationStatus {
  /// `STATUS_OK`.
  static var ok: Self { get }
  /// `STATUS_ALREADY_EXISTS`, if the call can answer it.
  static var alreadyExistsStatus: Self? { get }
  /// `STATUS_NONEXISTENT_SERVICE`, if the call can answer it.
  static var nonexistentStatus: Self? { get }
}

extension RegistrationResponse {
  /// The response to a request that came out as `outcome` (its header is stamped after): a refusal the status can express is that status with the reason as the header
  /// message under `CODE_OK` (what the Python client maps to its own error); any other refusal
  /// is a header `CODE_INVALID_REQUEST` with the reason.
  static func answering(_ outcome: ServiceRegistry.Outcome) -> Self {
    var response = Self()
    let refusal: (status: Status?, reason: String)?
    switch outcome {
    case .ok:
      response.status = .ok
      refusal = nil
    case .alreadyExists(let reason): refusal = (Status.alreadyExistsStatus, reason)
    case .nonexistent(let reason): refusal = (Status.nonexistentStatus, reason)
    case .invalidRequest(let reason): refusal = (nil, reason)
    }
    var code = Bosdyn_Api_CommonError.Code.ok
    if let refusal {
      if let status = refusal.status {
        response.status = status
      } else {
        code = .invalidRequest
      }
    }
    response.header = .error(code, refusal?.reason ?? "")
    return response
  }
}

extension Bosdyn_Api_RegisterServiceResponse: RegistrationResponse {}
extension Bosdyn_Api_UpdateServiceResponse: RegistrationResponse {}
extension Bosdyn_Api_UnregisterServiceResponse: RegistrationResponse {}

extension Bosdyn_Api_RegisterServiceResponse.Status: RegistrationStatus {
  static var alreadyExistsStatus: Self? { .alreadyExists }
  static var nonexistentStatus: Self? { nil }
}

extension Bosdyn_Api_UpdateServiceResponse.Status: RegistrationStatus {
  static var alreadyExistsStatus: Self? { nil }
  static var nonexistentStatus: Self? { .nonexistentService }
}

extension Bosdyn_Api_UnregisterServiceResponse.Status: RegistrationStatus {
  static var alreadyExistsStatus: Self? { nil }
  static var nonexistentStatus: Self? { .nonexistentService }
}
