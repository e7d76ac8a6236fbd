public import Foundation

/// A user token (a JWT) the robot's auth service issued, with the claims the client needs to
/// know when to refresh it.
///
/// The claims are read without verifying the signature: only the robot can verify it, and the
/// client only uses them to schedule a refresh.
public struct UserToken: Sendable, Hashable {
  /// The token as sent in `authorization: Bearer <token>`.
  public var value: String
  /// When the token stops being accepted (`exp`), if it says.
  public var expiresAt: Date?
  /// When the token was issued (`iat`), if it says.
  public var issuedAt: Date?

  /// Wraps a token and decodes its `exp` and `iat` claims if it is a JWT.
  ///
  /// A token that is not a JWT is kept as it is, with no expiry: it is sent but never refreshed.
  public init(_ value: String) {
    self.value = value
    let claims = Self.claims(of: value)
    self.expiresAt = (claims?["exp"] as? NSNumber).map {
      Date(timeIntervalSince1970: $0.doubleValue)
    }
    self.issuedAt = (claims?["iat"] as? NSNumber).map {
      Date(timeIntervalSince1970: $0.doubleValue)
    }
  }

  /// The token's whole lifetime (`exp - iat`) when both claims are present, which is immune to
  /// a clock difference between the robot and this computer.
  public var lifetime: Duration? {
    guard let expiresAt, let issuedAt, expiresAt > issuedAt else { return nil }
    return .milliseconds(Int64((expiresAt.timeIntervalSince(issuedAt) * 1000).rounded()))
  }

  /// How long after receiving the token to refresh it: `fraction` of its lifetime, or of the
  /// time left until `exp` by this computer's clock when `iat` is missing; `nil` when the token
  /// has no expiry.
  ///
  /// - Parameters:
  ///   - fraction: The part of the lifetime to wait, such as 0.8.
  ///   - minimum: The shortest delay returned.
  ///   - now: The current time, for tests.
  public func refreshDelay(
    fraction: Double,
    minimum: Duration,
    now: Date = Date()
  ) -> Duration? {
    let span: Duration
    if let lifetime = self.lifetime {
      span = lifetime
    } else if let expiresAt = self.expiresAt {
      span = .milliseconds(Int64((expiresAt.timeIntervalSince(now) * 1000).rounded()))
    } else {
      return nil
    }
    return max(span * fraction, minimum)
  }

  /// The JSON claims of a JWT (its middle, base64url-encoded part), or `nil`.
  static func claims(of token: String) -> [String: Any]? {
    let parts = token.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 3, let data = Self.base64URLDecode(parts[1]) else { return nil }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
  }

  /// Decodes base64url without padding, as JWTs use it.
  static func base64URLDecode(_ text: Substring) -> Data? {
    var base64 = text.replacingOccurrences(of: "-", with: "+")
      .replacingOccurrences(of: "_", with: "/")
    let remainder = base64.count % 4
    if remainder == 1 { return nil }
    if remainder > 0 { base64 += String(repeating: "=", count: 4 - remainder) }
    return Data(base64Encoded: base64)
  }
}
