/// One reason a value does not fit its spec, with the path to the parameter it is about: what a
/// form needs to show the error next to the field it belongs to.
///
/// ``DictSpec/validationError(for:)`` renders the same issues into the strings of a
/// `CustomParamError` (`"a.b[2] param has error: …"`), as the Python SDK does; those strings
/// lose the structure when a key holds `.` or `[`. ``DictSpec/validationIssues(for:)`` keeps
/// it, and ``init(parsing:)`` reads a message back from a service that only sent strings.
///
/// ```swift
/// for issue in spec.validationIssues(for: params) {
///   print(issue.path, issue.text)  // [.key("repeats")] "Value 0 below min_bound 1"
/// }
/// ```
public struct ValueIssue: Sendable, Hashable, CustomStringConvertible {
  /// One step from a dict to the parameter: a dict or one-of key, or a list index.
  public enum PathComponent: Sendable, Hashable {
    /// A key of a dict, or the chosen key of a one-of.
    case key(String)
    /// A position in a list.
    case index(Int)
  }

  /// From the top-level dict down to the parameter; empty for the dict itself (for example
  /// keys the spec does not know).
  public var path: [PathComponent]
  /// What is wrong, without the path.
  public var text: String

  /// An issue at `path`.
  public init(path: [PathComponent], text: String) {
    self.path = path
    self.text = text
  }

  /// Reads a `CustomParamError` message back into a path and a text, for messages from a
  /// service (which sends only strings): `"a.b[2].c param has error: text"` becomes
  /// `[.key("a"), .key("b"), .index(2), .key("c")]` and `"text"`; a message without the marker
  /// is an issue of the whole dict. Keys holding `.` or `[` cannot be told apart from nesting
  /// in such strings, so they come back split: the result is a best effort, never a failure.
  public init(parsing message: String) {
    guard let marker = message.firstRange(of: " param has error: ") else {
      self.init(path: [], text: message)
      return
    }
    var path: [PathComponent] = []
    var key = ""
    var remaining = message[..<marker.lowerBound][...]
    while let character = remaining.first {
      remaining = remaining.dropFirst()
      switch character {
      case ".":
        if !key.isEmpty { path.append(.key(key)) }
        key = ""
      case "[":
        if let close = remaining.firstIndex(of: "]"), let index = Int(remaining[..<close]) {
          if !key.isEmpty { path.append(.key(key)) }
          key = ""
          path.append(.index(index))
          remaining = remaining[remaining.index(after: close)...]
        } else {
          key.append(character)
        }
      default:
        key.append(character)
      }
    }
    if !key.isEmpty { path.append(.key(key)) }
    self.init(path: path, text: String(message[marker.upperBound...]))
  }

  /// `<path> param has error: <text>` (`a.b[2].c`), or the bare text for the dict itself: the
  /// message a `CustomParamError` carries.
  public var message: String {
    var message = PathMessage(self.text)
    for component in self.path.reversed() {
      switch component {
      case .key(let key): message = message.nested(in: .key(key))
      case .index(let index): message = message.nested(in: .index(index))
      }
    }
    return message.rendered
  }

  /// The message.
  public var description: String { self.message }
}
