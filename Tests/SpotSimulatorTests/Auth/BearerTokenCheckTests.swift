import Crypto
import GRPCCore
import SpotSimulator
import TestSupport
import Testing

@Suite("Bearer token checks without waiting")
struct BearerTokenCheckTests {
  @Test("A verified token is decided at once until it expires; a forged one never is")
  func cachedVerdicts() async throws {
    let time = ManualTime()
    let issuer = try await TokenIssuer(signingKey: P256.Signing.PrivateKey(), clock: time.clock)
    let interceptor = BearerTokenInterceptor(issuer: issuer)
    let token = try await issuer.issue(username: "user", validFor: .seconds(2))

    // Unknown until verified once.
    guard
      case .needsVerification(let pending) = interceptor.checkWithoutWaiting(
        authorizationHeader: "Bearer  \(token) "
      )
    else {
      Issue.record("a new token was decided without verification")
      return
    }
    #expect(pending == token)
    #expect(await interceptor.check(authorizationHeader: "Bearer \(token)") == nil)
    guard
      case .decided(nil) = interceptor.checkWithoutWaiting(
        authorizationHeader: "BEARER \(token)"
      )
    else {
      Issue.record("a verified token was not accepted at once")
      return
    }
    #expect(issuer.cachedVerdict(token) == .valid(username: "user"))

    // A forged token with the same claims is still refused, every time.
    let forger = try await TokenIssuer(signingKey: P256.Signing.PrivateKey())
    let forged = try await forger.issue(username: "user", validFor: .seconds(60))
    for _ in 0..<2 {
      let error = await interceptor.check(authorizationHeader: "Bearer \(forged)")
      #expect(error?.code == .unauthenticated)
      #expect(error?.message.contains("not issued by this robot") == true)
      #expect(issuer.cachedVerdict(forged) == nil)
    }

    // Once expired, the cached token is refused as expired.
    await time.advance(by: .seconds(2) + .milliseconds(1))
    #expect(issuer.cachedVerdict(token) == .expired)
    let error = await interceptor.check(authorizationHeader: "Bearer \(token)")
    #expect(error?.code == .unauthenticated)
    #expect(error?.message.contains("expired") == true, "\(error?.message ?? "")")
  }

  @Test("Malformed authorization values are refused at once")
  func malformedHeaders() async throws {
    let issuer = try await TokenIssuer(signingKey: P256.Signing.PrivateKey())
    let interceptor = BearerTokenInterceptor(issuer: issuer)
    let cases: [String?] = [nil, "", "Bearer", "Bearer ", "Basic abc", "Bearerabc", "Béarer abc"]
    for header in cases {
      guard
        case .decided(let error?) = interceptor.checkWithoutWaiting(
          authorizationHeader: header
        )
      else {
        Issue.record("\(header ?? "nil") was not refused at once")
        continue
      }
      #expect(error.code == .unauthenticated)
      #expect(error.message.hasPrefix("401"))
    }
  }
}
