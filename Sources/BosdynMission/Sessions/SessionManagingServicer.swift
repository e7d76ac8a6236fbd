public import BosdynAPI
public import BosdynCore
public import Logging

/// Runs a ``RemoteMissionSessionServicer`` as a ``RemoteMissionServicer``, keeping its sessions
/// in a ``SessionStore``.
///
/// ```swift
/// let server = RemoteMissionServer(servicer: SessionManagingServicer(Countdown()))
/// ```
public struct SessionManagingServicer<Base: RemoteMissionSessionServicer>: RemoteMissionServicer {
  /// The servicer whose sessions are managed.
  public let base: Base
  /// The sessions, visible so tests and tools can inspect them.
  public let sessions: SessionStore<Base.Session>

  /// Wraps a session servicer.
  ///
  /// - Parameters:
  ///   - base: The servicer.
  ///   - maxSessions: The most sessions kept; past it the least recently used is evicted.
  public init(_ base: Base, maxSessions: Int = 10_000) {
    self.base = base
    self.sessions = SessionStore(capacity: maxSessions)
  }

  /// The base servicer's logger.
  public var logger: Logger { self.base.logger }

  /// Creates a session through the base servicer and stores it.
  public func establishSession(_ request: EstablishSessionRequest) async throws
    -> EstablishSessionResponse
  {
    switch try await self.base.makeSession(for: request) {
    case .refused(let response):
      return response
    case .established(let session):
      let (id, evicted) = self.sessions.insert(session)
      if let evicted {
        await self.base.teardown(session: evicted)
      }
      return .ok(sessionID: id)
    }
  }

  /// Ticks the session, or answers `STATUS_INVALID_SESSION_ID` for an unknown id.
  public func tick(_ request: TickRequest) async throws -> TickResponse {
    guard let session = self.sessions.state(for: request.sessionID) else {
      return .invalidSessionID()
    }
    return try await self.base.tick(request, session: session)
  }

  /// Stops the session, or answers `STATUS_INVALID_SESSION_ID` for an unknown id.
  public func stop(_ request: StopRequest) async throws -> StopResponse {
    guard let session = self.sessions.state(for: request.sessionID) else {
      return .invalidSessionID
    }
    try await self.base.stop(session: session)
    return .ok
  }

  /// Removes the session, or answers `STATUS_INVALID_SESSION_ID` for an unknown id.
  public func teardownSession(_ request: TeardownSessionRequest) async throws
    -> TeardownSessionResponse
  {
    guard let session = self.sessions.remove(request.sessionID) else {
      return .invalidSessionID
    }
    await self.base.teardown(session: session)
    return .ok
  }

  /// The base servicer's description.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    try await self.base.serviceInfo(request)
  }
}
