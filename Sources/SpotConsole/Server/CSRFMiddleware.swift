import HTTPTypes
import Hummingbird
import NIOCore

/// Checks every POST: a form body (at most ``maximumBodySize``) whose `_csrf` field is the
/// session's token. A page of another site cannot know the token, so it cannot make the
/// browser act for the operator; the session cookie's `SameSite=Strict` is a second fence.
///
/// The parsed form is handed on in the context, so handlers never read the body again.
struct CSRFMiddleware: RouterMiddleware {
  typealias Context = ConsoleContext

  /// The largest form the console accepts: far above any spec's form, far below memory
  /// trouble.
  static let maximumBodySize = 1 << 20

  func handle(
    _ request: Request,
    context: Context,
    next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    guard request.method == .post else { return try await next(request, context) }
    let contentType = request.headers[.contentType] ?? ""
    guard contentType.hasPrefix("application/x-www-form-urlencoded") else {
      return ConsoleResponder.plainText(
        "Forms are sent as application/x-www-form-urlencoded.",
        status: .unsupportedMediaType
      )
    }
    var request = request
    let body: ByteBuffer
    do {
      body = try await request.collectBody(upTo: Self.maximumBodySize)
    } catch {
      return ConsoleResponder.plainText("The form is too large.", status: .contentTooLarge)
    }
    guard let form = FormFields(urlEncoded: String(buffer: body)) else {
      return ConsoleResponder.plainText("The form is not valid URL encoding.", status: .badRequest)
    }
    guard let session = context.session, let token = form.value(FormFields.csrfFieldName),
      RandomToken.constantTimeEqual(token, session.csrfToken)
    else {
      return ConsoleResponder.plainText(
        "Refused: this form did not come from your console session (missing or wrong CSRF "
          + "token). Reload the page and try again.",
        status: .forbidden
      )
    }
    var context = context
    context.form = form
    return try await next(request, context)
  }
}
