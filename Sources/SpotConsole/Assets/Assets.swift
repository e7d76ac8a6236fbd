import HTTPTypes
import Hummingbird
import NIOCore

/// The console's stylesheet and script, compiled into the binary (no files to install, no
/// network, no CDN), served from `/assets/`, the only paths besides the sign-in page that are
/// reachable signed out.
enum Assets {
  static let stylesheetPath = "/assets/console.css"
  static let scriptPath = "/assets/console.js"

  static func add(to router: Router<ConsoleContext>) {
    router.get(RouterPath(Self.stylesheetPath)) { _, _ in
      Self.response(ConsoleStylesheet.text, type: "text/css; charset=utf-8")
    }
    router.get(RouterPath(Self.scriptPath)) { _, _ in
      Self.response(ConsoleScript.text, type: "text/javascript; charset=utf-8")
    }
  }

  private static func response(_ text: String, type: String) -> Response {
    Response(
      status: .ok,
      headers: [.contentType: type, .cacheControl: "no-cache"],
      body: .init(byteBuffer: ByteBuffer(string: text))
    )
  }
}
