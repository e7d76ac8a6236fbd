/// A spec the tablet could not use or values could never satisfy, and why (Python's
/// `InvalidCustomParamSpecError`).
///
/// Each message names the path to the bad child, such as
/// `"speed param has error: min_value greater than max_value"`.
public struct InvalidSpecError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One message per problem, in code-point order of the keys.
  public var messages: [String]

  /// An error with `messages`.
  public init(messages: [String]) {
    self.messages = messages
  }

  /// The messages, one per line.
  public var description: String {
    "Invalid service customization spec:\n" + self.messages.joined(separator: "\n")
  }
}
