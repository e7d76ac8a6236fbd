import Hummingbird

/// The session cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
/// page sends it), `Path=/`, expiring with the session.
///
/// It is not `Secure`: the console serves plain HTTP on the robot's host (loopback by
/// default), where browsers would drop a `Secure` cookie.
enum SessionCookie {
  static let name = "spot-console-session"

  /// The `Set-Cookie` value that stores `session` for `lifetime`.
  static func set(_ session: ConsoleSession, lifetime: Duration) -> String {
    "\(Self.name)=\(session.id); Path=/; Max-Age=\(lifetime.components.seconds); HttpOnly; "
      + "SameSite=Strict"
  }

  /// The `Set-Cookie` value that removes the cookie.
  static var clear: String {
    "\(Self.name)=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict"
  }

  /// The session id a request's cookies carry, if any.
  static func id(in request: Request) -> String? {
    request.cookies[Self.name]?.value
  }
}
