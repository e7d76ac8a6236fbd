import HTTPTypes
import Hummingbird
import SpotSimulator

/// Sign-in and sign-out, checked against the robot's own users with the robot's own
/// ``PasswordCheck`` (the auth service's: failures here count towards its lock-out, and a
/// user it locked out cannot sign in here either).
///
/// A visitor to the sign-in page gets a session without a user, so that the sign-in form too
/// carries a CSRF token (no one can sign a browser in to an account of theirs); signing in
/// replaces that session with a new one, under a new id.
struct SignInRoutes: Sendable {
  static let signInPath = "/sign-in"
  static let signOutPath = "/sign-out"

  let passwords: PasswordCheck
  let sessions: SessionStore
  let landingPath: String

  func add(to router: Router<ConsoleContext>) {
    router.get(RouterPath(Self.signInPath)) { request, context in
      self.signInPage(context: context, error: nil)
    }
    router.post(RouterPath(Self.signInPath)) { request, context in
      self.signIn(context: context)
    }
    router.post(RouterPath(Self.signOutPath)) { request, context in
      if let session = context.session { self.sessions.end(id: session.id) }
      var response = Response(status: .seeOther)
      response.headers[.location] = Self.signInPath
      response.headers[.setCookie] = SessionCookie.clear
      return response
    }
  }

  private func signIn(context: ConsoleContext) -> Response {
    let username = context.form.value("username") ?? ""
    let password = context.form.value("password") ?? ""
    switch self.passwords.verify(username: username, password: password) {
    case .accepted: break
    case .refused:
      return self.signInPage(
        context: context,
        error: "Wrong username or password.",
        username: username
      )
    case .lockedOut(let retryAfter):
      let seconds = max(1, Int((retryAfter + .milliseconds(999)).components.seconds))
      return self.signInPage(
        context: context,
        error: "Too many failed attempts for this user: sign-in is locked for another "
          + "\(seconds) \(seconds == 1 ? "second" : "seconds").",
        username: username
      )
    }
    let session = self.sessions.start(username: username, replacing: context.session?.id)
    var response = Response(status: .seeOther)
    response.headers[.location] = self.landingPath
    response.headers[.setCookie] = SessionCookie.set(
      session,
      lifetime: self.sessions.sessionLifetime
    )
    return response
  }

  private func signInPage(
    context: ConsoleContext,
    error: String?,
    username: String = ""
  ) -> Response {
    if context.session?.isSignedIn == true, error == nil {
      var response = Response(status: .seeOther)
      response.headers[.location] = self.landingPath
      return response
    }
    var setCookie: String?
    let session: ConsoleSession
    if let existing = context.session {
      session = existing
    } else {
      session = self.sessions.start(username: nil)
      setCookie = SessionCookie.set(session, lifetime: self.sessions.sessionLifetime)
    }
    let message: HTML =
      error.map { "<p class=\"flash error\" role=\"alert\" id=\"sign-in-error\">\($0)</p>" } ?? ""
    let page = Layout.bare(
      title: "Sign in",
      content: """
        <section class="sign-in card" aria-labelledby="sign-in-title">
          <p class="brand"><span class="brand-mark" aria-hidden="true"></span>Spot console</p>
          <h1 id="sign-in-title">Sign in</h1>
          <p class="muted">Use the robot's username and password.</p>
          \(message)
          <form method="post" action="\(Self.signInPath)" class="stack">
            <input type="hidden" name="\(FormFields.csrfFieldName)" value="\(session.csrfToken)">
            <div class="field">
              <label for="username">Username</label>
              <input type="text" id="username" name="username" autocomplete="username" required autofocus \
        value="\(username)">
            </div>
            <div class="field">
              <label for="password">Password</label>
              <input id="password" name="password" type="password" \
        autocomplete="current-password" required>
            </div>
            <button type="submit" class="button primary">Sign in</button>
          </form>
        </section>
        """
    )
    var response = ConsoleResponder.html(page, status: error == nil ? .ok : .unauthorized)
    if let setCookie { response.headers[.setCookie] = setCookie }
    return response
  }
}
