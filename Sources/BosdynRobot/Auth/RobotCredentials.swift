public import Foundation

/// A username and password for the robot's auth service.
///
/// ``resolve(username:password:environment:prompt:)`` finds them the way the Python examples'
/// `bosdyn.client.util.authenticate` does: command-line flags, else `BOSDYN_CLIENT_USERNAME`
/// and `BOSDYN_CLIENT_PASSWORD`, else a prompt on the terminal.
///
/// ```swift
/// let credentials = try RobotCredentials.resolve(username: options.username,
///                                                password: options.password)
/// try await connection.authenticate(credentials)
/// ```
public struct RobotCredentials: Sendable, Hashable, CustomStringConvertible {
  /// The environment variable holding the username.
  public static let usernameEnvironmentVariable = "BOSDYN_CLIENT_USERNAME"
  /// The environment variable holding the password.
  public static let passwordEnvironmentVariable = "BOSDYN_CLIENT_PASSWORD"

  /// The user to log in as.
  public var username: String
  /// The user's password.
  public var password: String

  /// Creates credentials from known values.
  public init(username: String, password: String) {
    self.username = username
    self.password = password
  }

  /// The username only: a password never ends up in logs.
  public var description: String { "RobotCredentials(username: \(self.username))" }

  /// Where missing values come from when neither flags nor the environment have them.
  public struct Prompt: Sendable {
    /// Whether the process can ask a person (standard input is a terminal).
    public var isAvailable: @Sendable () -> Bool
    /// Asks for the username.
    public var readUsername: @Sendable () -> String?
    /// Asks for the password without echoing it.
    public var readPassword: @Sendable () -> String?

    /// Creates a prompt from closures, for tests.
    public init(
      isAvailable: @escaping @Sendable () -> Bool,
      readUsername: @escaping @Sendable () -> String?,
      readPassword: @escaping @Sendable () -> String?
    ) {
      self.isAvailable = isAvailable
      self.readUsername = readUsername
      self.readPassword = readPassword
    }

    /// Asks on the controlling terminal; unavailable when standard input is not a terminal.
    public static var terminal: Self {
      Self(
        isAvailable: { TerminalInput.isInteractive },
        readUsername: { TerminalInput.readLine(prompt: "Username for robot: ") },
        readPassword: { TerminalInput.readSecret(prompt: "Password: ") }
      )
    }

    /// Never asks: for servers and scripts that must not block on input.
    public static var none: Self {
      Self(isAvailable: { false }, readUsername: { nil }, readPassword: { nil })
    }
  }

  /// Finds the credentials: each of username and password comes from its flag, else its
  /// environment variable, else the prompt.
  ///
  /// - Parameters:
  ///   - username: The `--username` value, if given.
  ///   - password: The `--password` value, if given.
  ///   - environment: The environment to read the variables from.
  ///   - prompt: How to ask a person for what is still missing.
  /// - Throws: ``RobotConnectionError`` with code `.missingCredentials` when something is
  ///   missing and the prompt is unavailable.
  public static func resolve(
    username: String? = nil,
    password: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    prompt: Prompt = .terminal
  ) throws -> RobotCredentials {
    func nonEmpty(_ value: String?) -> String? {
      guard let value, !value.isEmpty else { return nil }
      return value
    }
    var resolvedUsername = nonEmpty(username) ?? nonEmpty(environment[usernameEnvironmentVariable])
    var resolvedPassword = nonEmpty(password) ?? nonEmpty(environment[passwordEnvironmentVariable])
    if resolvedUsername == nil || resolvedPassword == nil {
      guard prompt.isAvailable() else {
        let missing = [
          resolvedUsername == nil ? "username (--username or \(usernameEnvironmentVariable))" : nil,
          resolvedPassword == nil ? "password (--password or \(passwordEnvironmentVariable))" : nil,
        ].compactMap { $0 }
        throw RobotConnectionError(
          .missingCredentials,
          "no robot \(missing.joined(separator: " or ")) given, and standard input is not a "
            + "terminal to ask on"
        )
      }
      if resolvedUsername == nil { resolvedUsername = nonEmpty(prompt.readUsername()) }
      if resolvedPassword == nil { resolvedPassword = prompt.readPassword() }
    }
    guard let resolvedUsername, let resolvedPassword else {
      throw RobotConnectionError(.missingCredentials, "no robot username or password entered")
    }
    return RobotCredentials(username: resolvedUsername, password: resolvedPassword)
  }
}
