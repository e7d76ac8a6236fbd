public import BosdynAPI
public import BosdynCore
public import Logging

/// A remote mission servicer that keeps state per session; hand it to
/// ``RemoteMissionServer`` through ``SessionManagingServicer``.
///
/// The session store does the bookkeeping: EstablishSession creates a session with a fresh,
/// unguessable id; Tick and Stop with an unknown id answer `STATUS_INVALID_SESSION_ID` without
/// calling you; TeardownSession removes the session.
///
/// ```swift
/// struct Countdown: RemoteMissionSessionServicer {
///   final class Session: Sendable { let remaining = Mutex(3) }
///   func makeSession(for request: EstablishSessionRequest) async throws -> SessionOutcome<Session> {
///     .established(Session())
///   }
///   func tick(_ request: TickRequest, session: Session) async throws -> TickResponse {
///     session.remaining.withLock { $0 -= 1; return $0 } > 0 ? .running() : .success()
///   }
/// }
/// ```
public protocol RemoteMissionSessionServicer: Sendable {
  /// What the servicer remembers between the ticks of one session.
  associatedtype Session: Sendable

  /// Where the servicer logs; defaults to a logger labelled with the type name.
  var logger: Logger { get }

  /// Creates the state of a new session, or refuses the session with a response (for example
  /// `STATUS_MISSING_LEASES`).
  func makeSession(for request: EstablishSessionRequest) async throws -> SessionOutcome<Session>

  /// Does one step of the session's work.
  func tick(_ request: TickRequest, session: Session) async throws -> TickResponse

  /// Stops the session's work; the default does nothing.
  func stop(session: Session) async throws

  /// Releases what the session holds when it is torn down or evicted; the default does nothing.
  func teardown(session: Session) async

  /// Describes the service; the default answers with an empty custom parameter spec.
  func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse
}

/// The result of ``RemoteMissionSessionServicer/makeSession(for:)``.
public enum SessionOutcome<Session: Sendable>: Sendable {
  /// The session exists with this state.
  case established(Session)
  /// The session was refused; this response (with a non-OK status) goes back to the caller.
  case refused(EstablishSessionResponse)
}

extension RemoteMissionSessionServicer {
  /// A logger labelled with the servicer's type name.
  public var logger: Logger {
    Logger(label: String(describing: Self.self))
  }

  /// Does nothing.
  public func stop(session: Session) async throws {}

  /// Does nothing.
  public func teardown(session: Session) async {}

  /// Answers with an empty custom parameter spec.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    ServiceInfoResponse()
  }
}
