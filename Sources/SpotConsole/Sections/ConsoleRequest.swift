/// What a section's handler gets: who asks, the path's parameters, the query, the form.
public struct ConsoleRequest: Sendable {
  /// The signed-in user.
  public let username: String
  /// The request's path, such as `/callbacks/hello-world-callback`.
  public let path: String
  /// The fields of a POSTed form, CSRF token already checked; empty for GET.
  public let form: FormFields
  /// The query string's fields.
  public let query: FormFields
  let parameters: [String: String]
  let csrfToken: String

  /// The path parameter `name` (`{name}` in the route), percent-decoded.
  public func parameter(_ name: String) -> String? {
    self.parameters[name]
  }

  /// The hidden field every form of a section must include: the session's CSRF token.
  public var csrfField: HTML {
    "<input type=\"hidden\" name=\"\(FormFields.csrfFieldName)\" value=\"\(self.csrfToken)\">"
  }
}
