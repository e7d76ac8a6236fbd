/// One error message and the path from the top-level dict to the parameter it is about.
///
/// Paths are kept as components and rendered once, so a key or a string that contains
/// `" param has error: "` or `".["` cannot confuse the nesting (Python builds paths by string
/// surgery; see the `string_based_nesting` quirk of the corpus).
struct PathMessage: Sendable, Hashable {
  /// One step of a path: a dict or one-of key, or a list index.
  enum Component: Sendable, Hashable {
    case key(String)
    case index(Int)
  }

  /// Innermost component first, so nesting appends instead of inserting.
  private(set) var reversedPath: [Component] = []
  /// What is wrong, without the path.
  var text: String

  init(_ text: String) {
    self.text = text
  }

  /// This message as seen from the parent that holds the parameter under `component`.
  func nested(in component: Component) -> PathMessage {
    var copy = self
    copy.reversedPath.append(component)
    return copy
  }

  /// `<path> param has error: <text>` (`a.b[2].c`), or the bare text at the top level.
  var rendered: String {
    guard !self.reversedPath.isEmpty else { return self.text }
    var path = ""
    for (position, component) in self.reversedPath.reversed().enumerated() {
      switch component {
      case .key(let key):
        if position > 0 { path += "." }
        path += key
      case .index(let index):
        path += "[\(index)]"
      }
    }
    return path + " param has error: " + self.text
  }
}

extension Array where Element == PathMessage {
  /// Every message as seen from the parent that holds the child under `component`.
  func nested(in component: PathMessage.Component) -> [PathMessage] {
    self.map { $0.nested(in: component) }
  }
}
