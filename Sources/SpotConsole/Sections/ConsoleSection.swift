/// A page of the console with its place in the navigation: how the console grows.
///
/// The robot and callbacks pages are sections; a later page (walks, say) is one more, passed
/// to ``SpotConsole/init(robot:configuration:sections:logger:)``. A section's routes are
/// reachable only signed in, its POST handlers only with the session's CSRF token (both
/// checked before the handler runs), and its pages share the layout, the stylesheet and the
/// script of the others.
///
/// ```swift
/// struct WalksSection: ConsoleSection {
///   var title: String { "Walks" }
///   var path: String { "/walks" }
///   func addRoutes(to routes: ConsoleRoutes) {
///     routes.get("/walks") { request in
///       .page(title: "Walks", content: "<h1>Walks</h1>\(request.csrfField)")
///     }
///   }
/// }
/// ```
public protocol ConsoleSection: Sendable {
  /// The name in the navigation bar.
  var title: String { get }
  /// Where the navigation links to, such as `/walks`; the section is "current" for every page
  /// under it.
  var path: String { get }
  /// Registers the section's handlers.
  func addRoutes(to routes: ConsoleRoutes)
}
