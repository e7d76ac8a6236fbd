public import Foundation

/// What a section's handler answers: a page in the console's layout, a redirect, JSON, text, a
/// file to save, or a stream of server-sent events.
public struct ConsoleResponse: Sendable {
  enum Kind: Sendable {
    case page(title: String, content: HTML)
    case redirect(location: String, flash: ConsoleSession.Flash?)
    case json(Data)
    case text(String)
    case file(Data, name: String, type: String)
    case events(AsyncStream<ServerSentEvent>)
  }

  let kind: Kind
  /// The HTTP status code.
  public let status: Int

  /// A page in the console's layout (navigation, user, sign-out) with `content` as its main
  /// part.
  ///
  /// - Parameters:
  ///   - title: The document title, after "Spot console —".
  ///   - content: The main part; build it with ``HTML`` so everything interpolated is escaped.
  ///   - status: The HTTP status.
  public static func page(title: String, content: HTML, status: Int = 200) -> ConsoleResponse {
    ConsoleResponse(kind: .page(title: title, content: content), status: status)
  }

  /// A redirect (303 See Other) to `location`, after a form post; `flash`, when given, shows
  /// once at the top of the next page.
  ///
  /// - Parameters:
  ///   - location: A path of the console, such as `/robot`.
  ///   - flash: The message to show.
  ///   - isError: Whether the message reports a refusal (shown in red).
  public static func redirect(
    to location: String,
    flash: String? = nil,
    isError: Bool = false
  ) -> ConsoleResponse {
    ConsoleResponse(
      kind: .redirect(
        location: location,
        flash: flash.map { ConsoleSession.Flash(isError: isError, text: $0) }
      ),
      status: 303
    )
  }

  /// `value` as JSON, for the page's script.
  ///
  /// - Parameters:
  ///   - value: What to encode.
  ///   - status: The HTTP status.
  public static func json(_ value: some Encodable, status: Int = 200) -> ConsoleResponse {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(value) else {
      return .text("The answer could not be encoded.", status: 500)
    }
    return ConsoleResponse(kind: .json(data), status: status)
  }

  /// A plain-text message, for errors a script shows as they are.
  public static func text(_ message: String, status: Int) -> ConsoleResponse {
    ConsoleResponse(kind: .text(message), status: status)
  }

  /// `data` as a file to save, named `name`, of MIME type `type`.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - name: The name the browser saves it under.
  ///   - type: Its MIME type, such as `application/octet-stream`.
  public static func file(_ data: Data, name: String, type: String) -> ConsoleResponse {
    ConsoleResponse(kind: .file(data, name: name, type: type), status: 200)
  }

  /// A `text/event-stream` of `events`, which ends when the stream finishes, the browser goes
  /// away, or the console shuts down.
  public static func events(_ events: AsyncStream<ServerSentEvent>) -> ConsoleResponse {
    ConsoleResponse(kind: .events(events), status: 200)
  }
}
