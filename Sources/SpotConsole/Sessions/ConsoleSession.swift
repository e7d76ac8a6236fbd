import BosdynCore

/// One browser's session with the console: who signed in (nobody yet, on the sign-in page),
/// the token its forms must carry, and when it ends.
struct ConsoleSession: Sendable, Equatable {
  /// The random id the session cookie carries.
  var id: String
  /// The signed-in user, or `nil` for a visitor who has only seen the sign-in page.
  var username: String?
  /// The per-session token every form and action posts back (`_csrf`), checked on the server.
  var csrfToken: String
  /// When the session ends, whatever happens.
  var expires: RobotClock.Instant
  /// A one-time message for the next page, such as the result of a robot command.
  var flash: Flash?

  /// A message shown once at the top of the next page.
  struct Flash: Sendable, Equatable {
    /// Whether it reports a success or a refusal (its colour).
    var isError: Bool
    /// The message.
    var text: String
  }

  /// Whether a user signed in.
  var isSignedIn: Bool { self.username != nil }
}
