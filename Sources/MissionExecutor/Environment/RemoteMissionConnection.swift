import BosdynCore
public import BosdynAPI

/// The four calls the mission service makes to a remote mission service, answering with the raw
/// responses so the executor sees every status (`STATUS_INVALID_SESSION_ID`,
/// `STATUS_MISSING_LEASES`, …) and every field.
///
/// Requests arrive without a request header; implementations stamp one, with their client
/// name. Throw for failures below the RPC's status (transport, gRPC status, a response header
/// that reports an error): the executor retries a failed Tick and ignores a failed Stop.
/// Implementations need not time calls out: the executor races every call against the node's
/// `timeout` on its own clock and cancels the call when it loses.
///
/// ``GRPCRemoteMissionConnection`` wraps any generated
/// `Bosdyn_Api_Mission_RemoteMissionService.ClientProtocol`; `RemoteMissionClient` (what
/// `withRemoteMissionTestServer` hands out) conforms as it is.
public protocol RemoteMissionConnection: Sendable {
  /// Sends EstablishSession.
  func call(_ request: Bosdyn_Api_Mission_EstablishSessionRequest) async throws
    -> Bosdyn_Api_Mission_EstablishSessionResponse
  /// Sends Tick.
  func call(_ request: Bosdyn_Api_Mission_TickRequest) async throws
    -> Bosdyn_Api_Mission_TickResponse
  /// Sends Stop.
  func call(_ request: Bosdyn_Api_Mission_StopRequest) async throws
    -> Bosdyn_Api_Mission_StopResponse
  /// Sends TeardownSession.
  func call(_ request: Bosdyn_Api_Mission_TeardownSessionRequest) async throws
    -> Bosdyn_Api_Mission_TeardownSessionResponse
}
