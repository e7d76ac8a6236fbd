import Crypto

/// The users the simulated robot accepts at its auth service.
///
/// The real robot keeps its users in its admin console; the simulator takes them from the
/// command line. Passwords are compared through their SHA-256 digests in constant time, so a
/// caller cannot learn a password byte by byte from response times, and an unknown user costs
/// as much as a known one.
///
/// ```swift
/// let accounts = UserAccounts(["user": "password"])
/// accounts.accepts(username: "user", password: "password")  // true
/// ```
public struct UserAccounts: Sendable {
  private let digestsByUsername: [String: [UInt8]]

  /// Creates the accounts from passwords keyed by username.
  ///
  /// - Parameter passwordsByUsername: Each user's password. An empty dictionary accepts nobody.
  public init(_ passwordsByUsername: [String: String]) {
    self.digestsByUsername = passwordsByUsername.mapValues(Self.digest)
  }

  /// The usernames, sorted, for logging which users the simulator accepts.
  public var usernames: [String] { self.digestsByUsername.keys.sorted() }

  /// Whether `username` exists, for checking that a refreshed token's user still does.
  public func contains(username: String) -> Bool {
    self.digestsByUsername[username] != nil
  }

  /// Whether `password` is `username`'s password. An empty username never matches.
  public func accepts(username: String, password: String) -> Bool {
    let offered = Self.digest(password)
    guard !username.isEmpty, let expected = self.digestsByUsername[username] else {
      // Spend the same work on an unknown user as on a wrong password.
      _ = Self.constantTimeEqual(offered, Self.digest(""))
      return false
    }
    return Self.constantTimeEqual(offered, expected)
  }

  private static func digest(_ password: String) -> [UInt8] {
    Array(SHA256.hash(data: Array(password.utf8)))
  }

  private static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
    guard lhs.count == rhs.count else { return false }
    var difference: UInt8 = 0
    for index in lhs.indices {
      difference |= lhs[index] ^ rhs[index]
    }
    return difference == 0
  }
}
