public import BosdynAPI
public import BosdynCore
public import Logging

/// What a remote mission service does when the robot's mission service calls it: the Swift
/// counterpart of subclassing the Python `RemoteMissionServiceServicer`.
///
/// Implement ``tick(_:)``; the other RPCs have defaults that do what the document's hello world
/// does: log `EstablishSession unimplemented!` (and so on) and answer `STATUS_OK`. Return
/// responses without filling their headers: the server stamps every header in one place, and
/// turns an error thrown here into a response whose header carries
/// `CODE_INTERNAL_SERVER_ERROR` and the error's description.
///
/// ```swift
/// struct Greeter: RemoteMissionServicer {
///   let logger = Logger(label: "greeter")
///   func tick(_ request: TickRequest) async throws -> TickResponse {
///     logger.info("Hello \(request.params.stringValue(forKey: "who") ?? "World")!")
///     return .success()
///   }
/// }
/// ```
///
/// Servicers that keep state per session should implement ``RemoteMissionSessionServicer``
/// instead, which adds a session store.
public protocol RemoteMissionServicer: Sendable {
  /// Where the default implementations log; defaults to a logger labelled with the type name.
  var logger: Logger { get }

  /// Prepares a session; the default logs `EstablishSession unimplemented!` and answers OK
  /// with an empty session id.
  func establishSession(_ request: EstablishSessionRequest) async throws
    -> EstablishSessionResponse

  /// Does one step of the service's work. Answer `STATUS_RUNNING` while work goes on (the
  /// mission ticks again), `STATUS_SUCCESS` or `STATUS_FAILURE` when it is over.
  func tick(_ request: TickRequest) async throws -> TickResponse

  /// Stops the session's work; the default logs `Stop unimplemented!` and answers OK.
  func stop(_ request: StopRequest) async throws -> StopResponse

  /// Frees the session; the default logs `TeardownSession unimplemented!` and answers OK.
  func teardownSession(_ request: TeardownSessionRequest) async throws -> TeardownSessionResponse

  /// Describes the service, notably the spec of its custom parameters; the default answers
  /// with an empty spec.
  func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse
}

extension RemoteMissionServicer {
  /// A logger labelled with the servicer's type name.
  public var logger: Logger {
    Logger(label: String(describing: Self.self))
  }

  /// Logs `EstablishSession unimplemented!` and answers `STATUS_OK`.
  public func establishSession(_ request: EstablishSessionRequest) async throws
    -> EstablishSessionResponse
  {
    self.logger.info("EstablishSession unimplemented!")
    return .ok(sessionID: "")
  }

  /// Logs `Stop unimplemented!` and answers `STATUS_OK`.
  public func stop(_ request: StopRequest) async throws -> StopResponse {
    self.logger.info("Stop unimplemented!")
    return .ok
  }

  /// Logs `TeardownSession unimplemented!` and answers `STATUS_OK`.
  public func teardownSession(_ request: TeardownSessionRequest) async throws
    -> TeardownSessionResponse
  {
    self.logger.info("TeardownSession unimplemented!")
    return .ok
  }

  /// Answers with an empty custom parameter spec.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    ServiceInfoResponse()
  }
}
