import SwiftProtobuf
import BosdynAPI
import BosdynCore
import GRPCCore

extension DirectoryRegistrationClient {
  /// The statuses `RegisterService`, `UpdateService` and `UnregisterService` answer with,
  /// gathered from their three status enums so one mapping to ``/BosdynCore/ClientError``
  /// serves all of them.
  enum Answer {
    case ok
    case alreadyExists
    case nonexistentService
    case unset
    case unrecognized(Int)
  }

  /// Returns when `answer` is OK and throws the matching error otherwise.
  ///
  /// - Parameters:
  ///   - name: The service the call was about, for the message.
  ///   - call: `register`, `update` or `unregister`, for the message about an unknown status.
  ///   - robotSays: The response header's error message; the robot explains refusals there
  ///     (for instance which service already holds an authority), so it wins over ours.
  ///   - method: The RPC.
  static func check(
    _ answer: Answer,
    name: String,
    call: String,
    robotSays: String = "",
    _ method: MethodDescriptor
  ) throws {
    let code: ClientError.Code
    let message: String
    switch answer {
    case .ok:
      return
    case .alreadyExists:
      code = .alreadyExists
      message = "a service named '\(name)' (or with its authority and type) is already registered"
    case .nonexistentService:
      code = .nonexistentService
      message = "no service named '\(name)' is registered"
    case .unset:
      code = .unsetStatus
      message = "the status was left unset"
    case .unrecognized(let value):
      code = .unexpectedStatus
      message = "unknown \(call) status \(value)"
    }
    throw RobotRPC.statusError(code, robotSays.isEmpty ? message : robotSays, method)
  }

  /// The request of a register or update call: `entry` served at `host:port`.
  static func request<Request: EntryRequest>(
    _ entry: Bosdyn_Api_ServiceEntry,
    host: String,
    port: Int
  ) -> Request {
    var request = Request()
    request.serviceEntry = entry
    request.endpoint.hostIp = host
    request.endpoint.port = Int32(clamping: port)
    return request
  }
}

/// A register or update request: a service entry and the endpoint it is served at.
protocol EntryRequest: HeaderedRequest {
  /// The service entry.
  var serviceEntry: Bosdyn_Api_ServiceEntry { get set }
  /// Where the service listens.
  var endpoint: Bosdyn_Api_Endpoint { get set }
}

extension Bosdyn_Api_RegisterServiceRequest: EntryRequest {}
extension Bosdyn_Api_UpdateServiceRequest: EntryRequest {}

extension Bosdyn_Api_RegisterServiceResponse.Status {
  /// This status as a ``DirectoryRegistrationClient/Answer``.
  var answer: DirectoryRegistrationClient.Answer {
    switch self {
    case .ok: .ok
    case .alreadyExists: .alreadyExists
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}

extension Bosdyn_Api_UpdateServiceResponse.Status {
  /// This status as a ``DirectoryRegistrationClient/Answer``.
  var answer: DirectoryRegistrationClient.Answer {
    switch self {
    case .ok: .ok
    case .nonexistentService: .nonexistentService
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}

extension Bosdyn_Api_UnregisterServiceResponse.Status {
  /// This status as a ``DirectoryRegistrationClient/Answer``.
  var answer: DirectoryRegistrationClient.Answer {
    switch self {
    case .ok: .ok
    case .nonexistentService: .nonexistentService
    case .unknown: .unset
    case .UNRECOGNIZED(let value): .unrecognized(value)
    }
  }
}
