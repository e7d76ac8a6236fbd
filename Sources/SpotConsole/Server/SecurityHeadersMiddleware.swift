import HTTPTypes
import Hummingbird

/// Headers on every answer that keep the browser from running anything the console did not
/// serve: scripts, styles and connections only from the console itself (no inline script, so
/// injected markup could not run even if escaping failed), no framing, no MIME sniffing, no
/// referrer.
struct SecurityHeadersMiddleware: RouterMiddleware {
  typealias Context = ConsoleContext

  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    var response = try await next(request, context)
    response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
    response.headers[.xContentTypeOptions] = "nosniff"
    response.headers[.init("Referrer-Policy")!] = "no-referrer"
    response.headers[.init("X-Frame-Options")!] = "DENY"
    response.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
    if response.headers[.cacheControl] == nil {
      response.headers[.cacheControl] = "no-store"
    }
    return response
  }
}
