import BosdynCore
import Synchronization

/// The console's sessions, in memory: a restart of the simulator signs everyone out, as a
/// restart of the robot does.
///
/// Ids and tokens are 256 random bits from the system's cryptographic generator, so a cookie
/// cannot be guessed or forged; an unknown or expired id is no session at all. Signing in
/// replaces the visitor's session with a new id (no session fixation). The store keeps at most
/// ``maximumSessions``: the oldest go first, so a flood of sign-in page visits cannot grow it
/// without bound.
final class SessionStore: Sendable {
  /// How many sessions are kept at most.
  static let maximumSessions = 1_000

  private let clock: RobotClock
  private let lifetime: Duration
  private let sessions = Mutex([String: ConsoleSession]())

  /// A store whose sessions last `lifetime` on `clock`.
  init(clock: RobotClock, lifetime: Duration) {
    self.clock = clock
    self.lifetime = lifetime
  }

  /// The session whose id is `id`, if it exists and has not expired.
  func session(id: String) -> ConsoleSession? {
    let now = self.clock.now
    return self.sessions.withLock { sessions in
      guard let session = sessions[id] else { return nil }
      guard session.expires > now else {
        sessions[id] = nil
        return nil
      }
      return session
    }
  }

  /// Starts a session for `username` (or a signed-out visitor), replacing `previousID`'s.
  func start(username: String?, replacing previousID: String? = nil) -> ConsoleSession {
    let now = self.clock.now
    let session = ConsoleSession(
      id: RandomToken.make(),
      username: username,
      csrfToken: RandomToken.make(),
      expires: now + self.lifetime
    )
    self.sessions.withLock { sessions in
      if let previousID { sessions[previousID] = nil }
      sessions = sessions.filter { $0.value.expires > now }
      if sessions.count >= Self.maximumSessions {
        let oldest = sessions.values.sorted { $0.expires < $1.expires }
          .prefix(sessions.count - Self.maximumSessions + 1)
        for old in oldest { sessions[old.id] = nil }
      }
      sessions[session.id] = session
    }
    return session
  }

  /// Ends the session `id` (sign-out).
  func end(id: String) {
    self.sessions.withLock { $0[id] = nil }
  }

  /// Leaves `flash` for the next page of session `id`.
  func setFlash(_ flash: ConsoleSession.Flash, id: String) {
    self.sessions.withLock { $0[id]?.flash = flash }
  }

  /// The message left for session `id`, removed so it shows once.
  func takeFlash(id: String) -> ConsoleSession.Flash? {
    self.sessions.withLock { sessions in
      let flash = sessions[id]?.flash
      sessions[id]?.flash = nil
      return flash
    }
  }

  /// How long a session lasts, for the cookie's `Max-Age`.
  var sessionLifetime: Duration { self.lifetime }
}
