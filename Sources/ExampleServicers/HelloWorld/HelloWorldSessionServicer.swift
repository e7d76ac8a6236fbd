public import BosdynAPI
public import BosdynCore
public import BosdynMission
public import Logging
public import Synchronization

/// The hello-world callback with per-session state: EstablishSession hands out a session id,
/// ticks with an unknown id are refused, and each session counts its greetings. Run it with
/// `hello-world-mission-service local --sessions`; wrap it in
/// ``/BosdynMission/SessionManagingServicer``.
public struct HelloWorldSessionServicer: RemoteMissionSessionServicer {
  /// What one session remembers.
  public final class Session: Sendable {
    /// How many times this session has greeted.
    public let greetings = Atomic<Int>(0)
  }

  private let hello: HelloWorldServicer

  /// Keeps sessions for `hello`, which does the greeting.
  public init(_ hello: HelloWorldServicer) {
    self.hello = hello
  }

  /// The logger greetings go to.
  public var logger: Logger { self.hello.logger }

  /// Every session is accepted.
  public func makeSession(for request: EstablishSessionRequest) async throws
    -> SessionOutcome<Session>
  {
    .established(Session())
  }

  /// Greets as ``HelloWorldServicer`` does and counts the greeting.
  public func tick(_ request: TickRequest, session: Session) async throws -> TickResponse {
    session.greetings.add(1, ordering: .relaxed)
    return try await self.hello.tick(request)
  }

  /// The same spec as ``HelloWorldServicer``.
  public func serviceInfo(_ request: ServiceInfoRequest) async throws -> ServiceInfoResponse {
    try await self.hello.serviceInfo(request)
  }
}
