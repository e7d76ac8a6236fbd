/// One server-sent event: how the console's pages stay live without reloading.
///
/// The page's script listens with `EventSource` and updates the page by `textContent` only.
public struct ServerSentEvent: Sendable, Equatable {
  /// The event's type (`event:`), which the page's listener is registered for.
  public var name: String
  /// The payload (`data:`), usually JSON.
  public var data: String

  /// An event of type `name` carrying `data`.
  public init(name: String, data: String) {
    self.name = name
    self.data = data
  }

  /// The event on the wire: `event:`, one `data:` line per line of data, a blank line. Line
  /// breaks in the name are dropped, so data cannot start a forged event.
  var wireFormat: String {
    let name = self.name.filter { $0 != "\n" && $0 != "\r" }
    var text = "event: \(name)\n"
    for line in self.data.split(separator: "\n", omittingEmptySubsequences: false) {
      text += "data: \(line.filter { $0 != "\r" })\n"
    }
    return text + "\n"
  }
}
