@testable import BosdynRobot
import Foundation
import Testing

@Suite("UserToken")
struct UserTokenTests {
  static func jwt(_ claims: String) -> String {
    func encode(_ text: String) -> String {
      Data(text.utf8).base64EncodedString()
        .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
    }
    return encode(#"{"alg":"ES256","typ":"JWT"}"#) + "." + encode(claims) + ".c2lnbmF0dXJl"
  }

  @Test("decodes exp and iat without verifying the signature")
  func decodesClaims() throws {
    let token = UserToken(Self.jwt(#"{"exp":1700003600,"iat":1700000000,"sub":"user"}"#))
    #expect(token.expiresAt == Date(timeIntervalSince1970: 1_700_003_600))
    #expect(token.issuedAt == Date(timeIntervalSince1970: 1_700_000_000))
    #expect(token.lifetime == .seconds(3600))
  }

  @Test("refreshes at the given fraction of the lifetime")
  func refreshDelayFromLifetime() {
    let token = UserToken(Self.jwt(#"{"exp":1700003600,"iat":1700000000}"#))
    #expect(token.refreshDelay(fraction: 0.8, minimum: .seconds(1)) == .seconds(2880))
  }

  @Test("without iat, the time left by this computer's clock is used")
  func refreshDelayWithoutIssuedAt() {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let token = UserToken(Self.jwt(#"{"exp":1700000100}"#))
    #expect(token.refreshDelay(fraction: 0.5, minimum: .seconds(1), now: now) == .seconds(50))
  }

  @Test("never refreshes sooner than the minimum, even for an expired token")
  func minimumDelay() {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let token = UserToken(Self.jwt(#"{"exp":1600000000}"#))
    #expect(token.refreshDelay(fraction: 0.8, minimum: .seconds(1), now: now) == .seconds(1))
  }

  @Test(
    "a token that is not a JWT has no expiry and is never refreshed",
    arguments: [
      "opaque", "a.b", "a.!!!.c", "a." + "bm90IGpzb24" + ".c",
    ]
  )
  func opaqueToken(value: String) {
    let token = UserToken(value)
    #expect(token.expiresAt == nil)
    #expect(token.refreshDelay(fraction: 0.8, minimum: .seconds(1)) == nil)
  }

  @Test("base64url without padding decodes")
  func base64URL() {
    #expect(UserToken.base64URLDecode("-_8") == Data([0xfb, 0xff]))
    #expect(UserToken.base64URLDecode("a") == nil)
  }
}
