/// The fields of an `application/x-www-form-urlencoded` body or a query string, in order,
/// repeated names kept.
public struct FormFields: Sendable, Equatable {
  /// The name of the hidden field that carries the session's CSRF token.
  public static let csrfFieldName = "_csrf"

  /// Every field, in the order the browser sent them.
  public private(set) var fields: [(name: String, value: String)]

  /// Fields in order.
  public init(_ fields: [(name: String, value: String)] = []) {
    self.fields = fields
  }

  /// Parses `name=value&…`, percent-decoding both and reading `+` as a space.
  ///
  /// - Returns: `nil` when a name or value is not valid percent-encoded UTF-8.
  public init?(urlEncoded text: some StringProtocol) {
    var fields: [(name: String, value: String)] = []
    for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let name = URLPath.decode(parts[0], plusIsSpace: true),
        let value = URLPath.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true)
      else { return nil }
      fields.append((name, value))
    }
    self.fields = fields
  }

  /// The first value of `name`.
  public func value(_ name: String) -> String? {
    self.fields.first { $0.name == name }?.value
  }

  /// Every value of `name`, in order.
  public func values(_ name: String) -> [String] {
    self.fields.filter { $0.name == name }.map(\.value)
  }

  /// Whether any field is called `name`.
  public func contains(_ name: String) -> Bool {
    self.fields.contains { $0.name == name }
  }

  public static func == (lhs: FormFields, rhs: FormFields) -> Bool {
    lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
  }
}
