import Hummingbird

/// Where a ``ConsoleSection`` registers its handlers, without seeing the HTTP server behind
/// them.
///
/// Paths are Hummingbird route patterns: `/callbacks/{name}` makes `name` available through
/// ``ConsoleRequest/parameter(_:)``.
public struct ConsoleRoutes {
  /// Handles a request for a page or an action.
  public typealias Handler = @Sendable (ConsoleRequest) async throws -> ConsoleResponse

  let router: Router<ConsoleContext>
  let responder: ConsoleResponder

  /// Handles GET requests for `path`.
  public func get(_ path: String, _ handler: @escaping Handler) {
    let responder = self.responder
    self.router.get(RouterPath(path)) { request, context in
      try await responder.respond(to: request, context: context, handler: handler)
    }
  }

  /// Handles POST requests for `path`; the form's fields (CSRF token checked) are in
  /// ``ConsoleRequest/form``.
  public func post(_ path: String, _ handler: @escaping Handler) {
    let responder = self.responder
    self.router.post(RouterPath(path)) { request, context in
      try await responder.respond(to: request, context: context, handler: handler)
    }
  }
}
