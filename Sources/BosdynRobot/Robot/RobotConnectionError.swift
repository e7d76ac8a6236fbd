/// A problem with how a robot connection was set up, found before any RPC is made: a bad
/// `ROBOT` address, no CA certificate to trust, no credentials, or a connection already closed.
///
/// Failures of calls to the robot are ``/BosdynCore/ClientError``s instead.
public struct RobotConnectionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of setup problem.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    private enum Wrapped: Sendable, Hashable {
      case invalidAddress, missingCertificateAuthority, invalidCertificateAuthority
      case missingCredentials, connectionClosed
    }
    private let wrapped: Wrapped
    private init(_ wrapped: Wrapped) { self.wrapped = wrapped }

    /// `ROBOT` is not `host`, `host:port` or `[v6]:port`.
    public static let invalidAddress = Self(.invalidAddress)
    /// No CA certificate file was given and none was found where the simulator writes one.
    public static let missingCertificateAuthority = Self(.missingCertificateAuthority)
    /// The CA certificate file could not be read or is not PEM.
    public static let invalidCertificateAuthority = Self(.invalidCertificateAuthority)
    /// No username or password from flags or environment, and no terminal to ask on.
    public static let missingCredentials = Self(.missingCredentials)
    /// The connection was shut down; it cannot make new calls.
    public static let connectionClosed = Self(.connectionClosed)

    /// The code's name, such as `invalidAddress`.
    public var description: String { String(describing: self.wrapped) }
  }

  /// What went wrong.
  public var code: Code
  /// A sentence for people, saying what to do about it.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// The message.
  public var description: String { self.message }
}
