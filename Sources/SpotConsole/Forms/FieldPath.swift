import ServiceCustomization

/// Where a field sits in a callback's form: the keys and list positions from the top-level
/// dict down, plus the console's own parts of a field (a list's item markers, a region's
/// corners).
///
/// Encoded, it is the field's `name` (and, prefixed, its `id`): keys percent-encoded so that
/// any key is safe, `/` between components, `@` before list positions and the console's own
/// parts. `who`, `toggle_key/toggle_key_enable/toggle_enable_value_key`, `waypoints/@2/name`,
/// `area/@x`. Paths of errors (``ValueIssue``) map onto these, which is how an error finds its
/// field.
struct FieldPath: Sendable, Hashable, CustomStringConvertible {
  /// One step.
  enum Component: Sendable, Hashable {
    /// A dict key, or the chosen key of a one-of.
    case key(String)
    /// A list position, as the form numbers it (not necessarily the position in the value).
    case index(String)
    /// A part the console adds: `item` (a list item's marker), `x`, `y`, `cols`, `rows`,
    /// `shape`, `polygon` (a region of interest).
    case part(String)
  }

  var components: [Component]

  /// The top-level dict.
  static let root = FieldPath(components: [])

  /// This path, then `key`.
  func appending(key: String) -> FieldPath {
    FieldPath(components: self.components + [.key(key)])
  }

  /// This path, then list position `index` (a number, or a template's placeholder).
  func appending(index: String) -> FieldPath {
    FieldPath(components: self.components + [.index(index)])
  }

  /// This path, then the console's part `part`.
  func appending(part: String) -> FieldPath {
    FieldPath(components: self.components + [.part(part)])
  }

  /// The field name.
  var encoded: String {
    self.components.map { component in
      switch component {
      case .key(let key): URLPath.encodeSegment(key)
      case .index(let index): "@" + index
      case .part(let part): "@" + part
      }
    }.joined(separator: "/")
  }

  /// The field name.
  var description: String { self.encoded }

  /// How deep in lists this path is: the number of list positions in it, which names the
  /// placeholder a template at this depth uses.
  var listDepth: Int {
    self.components.filter { if case .index = $0 { true } else { false } }.count
  }
}
