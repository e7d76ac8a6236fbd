import Hummingbird

/// The per-request state the console's middleware fills in before a handler runs.
struct ConsoleContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  /// The session the cookie names, if it exists and has not expired.
  var session: ConsoleSession?
  /// The POSTed form, once its CSRF token was checked.
  var form = FormFields()

  init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
  }
}
