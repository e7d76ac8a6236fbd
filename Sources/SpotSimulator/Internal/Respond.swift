import BosdynAPI
import BosdynCore
import Logging
import SwiftProtobuf

/// Answers one call of a simulated service, the one way they all do: note when the request
/// arrived, build the response, then stamp its header as the robot does (the request header
/// echoed, both timestamps, `CODE_OK` unless the handler put an error there with
/// `Bosdyn_Api_ResponseHeader.error(_:_:)`).
///
/// - Parameters:
///   - request: The request, whose header is echoed.
///   - handle: Builds the response.
/// - Returns: The stamped response.
func respond<Request: HeaderedRequest, Response: HeaderedResponse>(
  to request: Request,
  _ handle: () async throws -> Response
) async rethrows -> Response {
  let receivedAt = RobotTime.timestamp
  var response = try await handle()
  if !response.header.hasResponseTimestamp {
    response.header.responseTimestamp = RobotTime.timestamp
  }
  response.header.stamp(echoing: request.header, receivedAt: receivedAt)
  return response
}

/// ``respond(to:_:)`` for the services whose calls all log the same kind of line
/// (`AcquireLease body from alice: STATUS_OK`, the status by its .proto name): the lease,
/// estop and keepalive services.
///
/// - Parameters:
///   - call: The method and what it is about, the start of the log line.
///   - request: The request, whose header is echoed and whose caller the line names.
///   - logger: Receives the line.
///   - status: The status the line reports after the caller; `nil` for none.
///   - handle: Builds the response.
func answer<Request: HeaderedRequest, Response: HeaderedResponse>(
  _ call: String,
  to request: Request,
  logger: Logger,
  status: (Response) -> (any SwiftProtobuf.Enum)? = { _ in nil },
  _ handle: () async throws -> Response
) async rethrows -> Response {
  try await respond(to: request) {
    let response = try await handle()
    let result = status(response).map { ": \(protoName($0))" } ?? ""
    logger.info("\(call) from \(request.header.callerForLog)\(result)")
    return response
  }
}

extension Bosdyn_Api_RequestHeader {
  /// The caller's name for log lines.
  var callerForLog: String {
    self.clientName.isEmpty ? "unnamed client" : self.clientName
  }

  /// The lease owner a call from this header is: the client it names, and the user whose
  /// token the call carried.
  var leaseOwner: Bosdyn_Api_LeaseOwner {
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = self.clientName
    owner.userName = AuthenticatedUser.name ?? ""
    return owner
  }
}
