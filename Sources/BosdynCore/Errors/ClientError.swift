public import BosdynAPI
public import GRPCCore
public import SwiftProtobuf

/// Why a call to a Spot API service did not give the caller what it asked for.
///
/// Errors come from two layers, as in the Python SDK, and ``layer`` says which:
/// - ``Layer/rpc``: the RPC itself failed (connection refused, deadline, gRPC status such as
///   `UNIMPLEMENTED`); the server's answer was never seen.
/// - ``Layer/response``: the RPC succeeded, but the response header or the RPC's own status
///   enum says no (`CODE_INVALID_REQUEST`, `STATUS_INVALID_SESSION_ID`, …).
///
/// Match on ``code`` rather than on the message: codes are stable, messages are for people.
///
/// ```swift
/// do {
///   _ = try await client.establishSession()
/// } catch let error as ClientError where error.code == .unimplemented {
///   // EstablishSession is optional for remote mission services.
/// }
/// ```
public struct ClientError: Error, Sendable, CustomStringConvertible {
  /// Which layer produced the error.
  public enum Layer: Sendable, Hashable {
    /// The RPC failed: transport problem or a non-OK gRPC status.
    case rpc
    /// The RPC completed but its header or status reports a failure.
    case response
  }

  /// The kind of failure; see ``Code`` for the list.
  public var code: Code
  /// A human-readable explanation, including the server's own message when it sent one.
  public var message: String
  /// The full name of the RPC that failed, such as `bosdyn.api.mission.RemoteMissionService/Tick`.
  public var method: String
  /// The layer the error comes from.
  public var layer: Layer
  /// The gRPC error underneath an ``Layer/rpc`` error, kept so nothing is lost.
  public var rpcError: RPCError?
  /// The custom parameter error a service returned with `STATUS_CUSTOM_PARAMS_ERROR`.
  public var customParamError: Bosdyn_Api_CustomParamError?
  /// The lease use result that made the call fail, for ``Code/leaseUseError``.
  public var leaseUseResult: Bosdyn_Api_LeaseUseResult?
  /// The whole response of a ``Layer/response`` error, when the client kept it (Python's
  /// `ResponseError.response`): the fields a message cannot carry, such as an Autowalk
  /// load's `failed_elements` or an upload's validation status.
  public var response: (any SwiftProtobuf.Message)?

  /// Creates an error; the SDK's clients do this, users rarely need to.
  public init(
    code: Code,
    message: String,
    method: String,
    layer: Layer,
    rpcError: RPCError? = nil
  ) {
    self.code = code
    self.message = message
    self.method = method
    self.layer = layer
    self.rpcError = rpcError
  }

  /// Whether trying the same call again later may succeed (the robot or service was
  /// unreachable, busy or slow), as opposed to a request that will fail the same way again.
  public var isRetryable: Bool {
    self.code.isRetryable
  }

  /// `"<method>: <code>: <message>"`, suitable for logs and command-line output.
  public var description: String {
    "\(self.method): \(self.code): \(self.message)"
  }
}
