/// An error shown next to a field: the field's name (its encoded ``FieldPath``) and what is
/// wrong. The page and the server report errors in this one shape.
struct FormIssue: Sendable, Codable, Equatable {
  /// The field's name; empty for the form as a whole.
  var field: String
  /// What is wrong.
  var message: String
}
