/// What ``TokenIssuer/verify(_:)`` concluded about a bearer token.
public enum TokenVerdict: Sendable, Hashable {
  /// Signed by this simulator's key, issued by it, and not yet expired.
  case valid(username: String)
  /// Signed by this simulator, but its expiry has passed: the client should authenticate again.
  case expired
  /// Not a token this simulator issued: malformed, signed by another key, or with claims that
  /// do not fit. `reason` says which, for the error message the client sees.
  case invalid(reason: String)

  /// The user the token was issued to, when it is valid.
  public var username: String? {
    if case .valid(let username) = self { return username }
    return nil
  }
}
