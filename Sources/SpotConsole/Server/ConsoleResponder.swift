import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// Turns what sections answer (``ConsoleResponse``) into HTTP: pages in the layout, redirects
/// that carry a one-time message, JSON, event streams; and a thrown error into a page that
/// says something went wrong, without its details (they go to the log).
struct ConsoleResponder: Sendable {
  let layout: Layout
  let sessions: SessionStore
  let logger: Logger

  /// Runs `handler` for a signed-in request and answers with what it returns.
  func respond(
    to request: Request,
    context: ConsoleContext,
    handler: ConsoleRoutes.Handler
  ) async throws -> Response {
    guard let session = context.session, let username = session.username else {
      return Self.plainText("Sign in first.", status: .unauthorized)
    }
    var parameters: [String: String] = [:]
    for (name, value) in context.parameters {
      parameters[String(name)] = URLPath.decode(value) ?? String(value)
    }
    let consoleRequest = ConsoleRequest(
      username: username,
      path: request.uri.path,
      form: context.form,
      query: FormFields(urlEncoded: request.uri.query ?? "") ?? FormFields(),
      parameters: parameters,
      csrfToken: session.csrfToken
    )
    let answer: ConsoleResponse
    do {
      answer = try await handler(consoleRequest)
    } catch {
      self.logger.error("Console \(request.method) \(request.uri.path) failed: \(error)")
      answer = .page(
        title: "Error",
        content: """
          <h1>Something went wrong</h1>
          <p>The console could not complete this request. The simulator's log has the details.</p>
          """,
        status: 500
      )
    }
    return self.response(for: answer, path: request.uri.path, session: session)
  }

  /// The HTTP response for `answer`.
  func response(for answer: ConsoleResponse, path: String, session: ConsoleSession) -> Response {
    let status = HTTPResponse.Status(code: answer.status)
    switch answer.kind {
    case .page(let title, let content):
      let flash = self.sessions.takeFlash(id: session.id)
      let page = self.layout.page(
        title: title,
        content: content,
        currentPath: path,
        username: session.username ?? "",
        csrfToken: session.csrfToken,
        flash: flash
      )
      return Self.html(page, status: status)
    case .redirect(let location, let flash):
      if let flash { self.sessions.setFlash(flash, id: session.id) }
      var response = Response(status: status)
      response.headers[.location] = location
      return response
    case .json(let data):
      return Response(
        status: status,
        headers: [.contentType: "application/json"],
        body: .init(byteBuffer: ByteBuffer(bytes: data))
      )
    case .text(let text):
      return Self.plainText(text, status: status)
    case .file(let data, let name, let type):
      return Response(
        status: status,
        headers: [
          .contentType: type,
          .contentDisposition:
            "attachment; filename=\"\(name.filter { $0 != "\"" && $0 != "\\" })\"",
        ],
        body: .init(byteBuffer: ByteBuffer(bytes: data))
      )
    case .events(let events):
      return Self.eventStream(events)
    }
  }

  /// A complete HTML page.
  static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
    Response(
      status: status,
      headers: [.contentType: "text/html; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: page.markup))
    )
  }

  /// A plain-text message.
  static func plainText(_ text: String, status: HTTPResponse.Status) -> Response {
    Response(
      status: status,
      headers: [.contentType: "text/plain; charset=utf-8"],
      body: .init(byteBuffer: ByteBuffer(string: text + "\n"))
    )
  }

  /// A `text/event-stream` that ends with `events`, or when the console shuts down (an open
  /// stream must not hold the server's graceful shutdown up).
  static func eventStream(_ events: AsyncStream<ServerSentEvent>) -> Response {
    Response(
      status: .ok,
      headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
      body: ResponseBody { writer in
        // Tells the browser how soon to reconnect after the stream drops.
        try await writer.write(ByteBuffer(string: "retry: 1000\n\n"))
        // Ends on shutdown; the browser then reconnects to the next console.
        for try await event in events.cancelOnGracefulShutdown() {
          try await writer.write(ByteBuffer(string: event.wireFormat))
        }
        try await writer.finish(nil)
      }
    )
  }
}
