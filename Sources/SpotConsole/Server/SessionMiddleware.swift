import HTTPTypes
import Hummingbird

/// Finds the request's session and lets through, signed out, only the sign-in page and the
/// assets it needs; everything else asks for a signed-in session.
///
/// A page request signed out is redirected to the sign-in page; any other request (a script's,
/// an event stream's, a form post) gets 401. An unknown, expired or forged cookie counts as
/// no session at all.
struct SessionMiddleware: RouterMiddleware {
  typealias Context = ConsoleContext

  let sessions: SessionStore

  /// Paths reachable signed out.
  static func isPublic(_ path: String) -> Bool {
    path == SignInRoutes.signInPath || path.hasPrefix("/assets/")
  }

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var context = context
    context.session = SessionCookie.id(in: request).flatMap { self.sessions.session(id: $0) }
    if Self.isPublic(request.uri.path) || context.session?.isSignedIn == true {
      return try await next(request, context)
    }
    let wantsPage =
      request.method == .get
      && (request.headers[.accept] ?? "").contains("text/html")
    if wantsPage {
      var response = Response(status: .seeOther)
      response.headers[.location] = SignInRoutes.signInPath
      return response
    }
    return ConsoleResponder.plainText("Sign in first.", status: .unauthorized)
  }
}
