/// A page of the console with its place in the navigation: how the console grows.
///
/// The robot, callbacks and walks pages are sections; a later page (E-Stop, say) is one more,
/// passed to ``SpotConsole/init(robot:configuration:sections:logger:)``. A section's routes
/// are reachable only signed in, its POST handlers only with the session's CSRF token (both
/// checked before the handler runs), and its pages share the layout, the stylesheet and the
/// script of the others.
///
/// ```swift
/// struct EstopSection: ConsoleSection {
///   var title: String { "E-Stop" }
///   var path: String { "/estop" }
///   func addRoutes(to routes: ConsoleRoutes) {
///     routes.get("/estop") { request in
///       .page(title: "E-Stop", content: "<h1>E-Stop</h1>\(request.csrfField)")
///     }
///   }
/// }
/// ```
public protocol ConsoleSection: Sendable {
  /// The name in the navigation bar.
  var title: String { get }
  /// Where the navigation links to, such as `/estop`; the section is "current" for every page
  /// under it.
  var path: String { get }
  /// Registers the section's handlers.
  func addRoutes(to routes: ConsoleRoutes)
}
