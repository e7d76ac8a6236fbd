/// The frame every page shares: navigation, who is signed in, sign-out, the one-time message,
/// and the stylesheet and script (both served by the console itself).
struct Layout: Sendable {
  /// One entry of the navigation bar.
  struct NavigationItem: Sendable {
    var title: String
    var path: String
  }

  /// The robot's nickname, in the top bar.
  var robotName: String
  /// The sections, in navigation order.
  var navigation: [NavigationItem]

  /// A signed-in page.
  func page(
    title: String,
    content: HTML,
    currentPath: String,
    username: String,
    csrfToken: String,
    flash: ConsoleSession.Flash?
  ) -> HTML {
    let links = self.navigation.map { item -> HTML in
      let current = currentPath == item.path || currentPath.hasPrefix(item.path + "/")
      return current
        ? "<li><a href=\"\(item.path)\" aria-current=\"page\">\(item.title)</a></li>"
        : "<li><a href=\"\(item.path)\">\(item.title)</a></li>"
    }
    return Self.document(
      title: title,
      body: """
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="topbar">
          <div class="brand"><span class="brand-mark" aria-hidden="true"></span>Spot console \
        <span class="robot-name">\(self.robotName)</span></div>
          <nav aria-label="Sections"><ul>\(links)</ul></nav>
          <div class="account">
            <span class="live" id="live-status" data-state="connecting" role="status">Connecting…</span>
            <span class="user">Signed in as <strong>\(username)</strong></span>
            <form method="post" action="/sign-out">\
        <input type="hidden" name="\(FormFields.csrfFieldName)" value="\(csrfToken)">\
        <button type="submit" class="button subtle">Sign out</button></form>
          </div>
        </header>
        <main id="main" tabindex="-1">
        \(Self.flash(flash))\(content)
        </main>
        """,
      csrfToken: csrfToken
    )
  }

  /// A page without navigation (the sign-in page).
  static func bare(title: String, content: HTML) -> HTML {
    Self.document(
      title: title,
      body: "<main id=\"main\" class=\"bare\">\(content)</main>",
      csrfToken: nil
    )
  }

  private static func flash(_ flash: ConsoleSession.Flash?) -> HTML {
    guard let flash else { return "" }
    return flash.isError
      ? "<p class=\"flash error\" role=\"alert\">\(flash.text)</p>\n"
      : "<p class=\"flash ok\" role=\"status\">\(flash.text)</p>\n"
  }

  private static func document(title: String, body: HTML, csrfToken: String?) -> HTML {
    let token: HTML = csrfToken.map { " data-csrf=\"\($0)\"" } ?? ""
    return """
      <!doctype html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title) — Spot console</title>
      <link rel="stylesheet" href="\(Assets.stylesheetPath)">
      <script src="\(Assets.scriptPath)" defer></script>
      </head>
      <body\(token)>
      \(body)
      </body>
      </html>

      """
  }
}
