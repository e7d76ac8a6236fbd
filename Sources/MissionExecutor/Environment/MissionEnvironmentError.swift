/// Why the environment could not do what a node asked.
///
/// Nodes turn it into their failure message, so a test that runs a mission without, say, a
/// power service sees exactly what was missing.
public struct MissionEnvironmentError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong, for people.
  public var message: String

  /// Creates an error with a message.
  public init(_ message: String) {
    self.message = message
  }

  /// The environment has no such capability at all (the default of every robot action).
  ///
  /// - Parameter capability: What was asked for, such as `power commands`.
  public static func notAvailable(_ capability: String) -> Self {
    Self("\(capability) are not available in this environment")
  }

  /// The environment knows no service at this address.
  public static func unknownService(_ address: ServiceAddress) -> Self {
    Self("no service named '\(address)' is known to this environment")
  }

  /// The message.
  public var description: String {
    self.message
  }
}
