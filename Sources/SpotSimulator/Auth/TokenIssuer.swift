public import BosdynCore
public import Crypto
import Foundation
import JWTKit

/// Issues and verifies the simulated robot's user tokens: JWTs signed with ES256 (ECDSA on
/// P-256), carrying the user name (`sub`), issue and expiry times, the issuer and a unique id.
///
/// The signing key lives in the simulator's data directory, so tokens a client cached stay
/// valid when the simulator restarts with the same directory, as they do across a real robot's
/// reboot. A token signed by any other key (another simulator, a forger) does not verify.
///
/// ```swift
/// let issuer = try await TokenIssuer.loadOrCreate(dataDirectory: SimulatorDefaults.dataDirectory)
/// let token = try await issuer.issue(username: "user", validFor: .seconds(12 * 3600))
/// let verdict = await issuer.verify(token)  // .valid(username: "user")
/// ```
public final class TokenIssuer: Sendable {
  /// The `iss` claim of every token this simulator issues and accepts.
  public static let issuerName = "spot-sim"

  /// The file name of the signing key (PEM, PKCS#8) inside a data directory.
  public static let signingKeyFileName = "token-signing-key.pem"

  /// Tokens longer than this are rejected before any parsing: no real token comes close.
  static let maximumTokenLength = 8 * 1024

  private let keys: JWTKeyCollection
  /// Tokens that verified, so repeat calls skip the signature check.
  private let verified = VerifiedTokenCache()
  /// What issue and expiry times are read from.
  public let clock: RobotClock

  /// Creates an issuer signing with `signingKey`; tests pass a fresh key, or another issuer's
  /// key to check that its tokens verify here too.
  ///
  /// - Parameters:
  ///   - signingKey: The P-256 key tokens are signed and verified with.
  ///   - clock: What issue and expiry times are read from.
  public init(signingKey: P256.Signing.PrivateKey, clock: RobotClock = .system()) async throws {
    self.clock = clock
    let key = try ES256PrivateKey(backing: signingKey)
    self.keys = JWTKeyCollection()
    await self.keys.add(ecdsa: key)
  }

  /// Loads the signing key from `dataDirectory`, creating the directory and a new key file
  /// (readable only by its owner) when there is none.
  ///
  /// - Parameters:
  ///   - dataDirectory: The simulator's data directory.
  ///   - clock: What issue and expiry times are read from.
  /// - Throws: ``KeyFileError`` when the key file exists but cannot be read or parsed, or when
  ///   a new one cannot be written. An unreadable key is never replaced silently: that would
  ///   invalidate every token clients hold without saying why.
  public static func loadOrCreate(
    dataDirectory: String,
    clock: RobotClock = .system()
  ) async throws -> TokenIssuer {
    let path = dataDirectory + "/" + Self.signingKeyFileName
    let files = FileManager.default
    if files.fileExists(atPath: path) {
      let pem: String
      let key: P256.Signing.PrivateKey
      do {
        pem = try String(contentsOfFile: path, encoding: .utf8)
        key = try P256.Signing.PrivateKey(pemRepresentation: pem)
      } catch {
        throw KeyFileError(path: path, problem: "cannot be read as a P-256 private key (\(error))")
      }
      return try await TokenIssuer(signingKey: key, clock: clock)
    }
    let key = P256.Signing.PrivateKey()
    do {
      try files.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
    } catch {
      throw KeyFileError(path: path, problem: "its directory cannot be created (\(error))")
    }
    let written = files.createFile(
      atPath: path,
      contents: Data(key.pemRepresentation.utf8),
      attributes: [.posixPermissions: 0o600]
    )
    guard written else {
      throw KeyFileError(path: path, problem: "cannot be written")
    }
    return try await TokenIssuer(signingKey: key, clock: clock)
  }

  /// Issues a token for `username` that expires after `validFor`.
  ///
  /// - Parameters:
  ///   - username: The user the token stands for (`sub`).
  ///   - validFor: How long the token is accepted; the robot's user tokens last 12 hours.
  public func issue(username: String, validFor: Duration) async throws -> String {
    let now = self.clock.wallNow
    let claims = SimulatorTokenClaims(
      sub: SubjectClaim(value: username),
      exp: ExpirationClaim(value: now.addingTimeInterval(validFor.seconds)),
      iat: IssuedAtClaim(value: now),
      iss: IssuerClaim(value: Self.issuerName),
      jti: IDClaim(value: UUID().uuidString)
    )
    return try await self.keys.sign(claims)
  }

  /// Checks a token's signature, issuer and expiry. Never throws: every failure is a verdict
  /// with a reason a client can act on.
  /// Verified tokens are remembered (with their expiry), so checking the same token again is
  /// a dictionary look-up.
  public func verify(_ token: String) async -> TokenVerdict {
    if let verdict = self.cachedVerdict(token) { return verdict }
    guard !token.isEmpty else { return .invalid(reason: "the token is empty") }
    guard token.utf8.count <= Self.maximumTokenLength else {
      return .invalid(reason: "the token is longer than \(Self.maximumTokenLength) bytes")
    }
    let claims: SimulatorTokenClaims
    do {
      claims = try await self.keys.verify(token, as: SimulatorTokenClaims.self)
    } catch let error as JWTError {
      switch error.errorType {
      case .claimVerificationFailure where error.failedClaim is ExpirationClaim:
        return .expired
      case .signatureVerificationFailed:
        return .invalid(
          reason: "the token's signature does not verify: it was not issued by this robot"
        )
      case .malformedToken:
        return .invalid(reason: "the token is not a well-formed JWT")
      default:
        return .invalid(reason: "the token does not verify (\(error.errorType))")
      }
    } catch {
      return .invalid(reason: "the token cannot be decoded")
    }
    guard claims.iss.value == Self.issuerName else {
      return .invalid(reason: "the token was issued by '\(claims.iss.value)', not this robot")
    }
    // Checked after the signature, so a forged token is always reported as forged.
    guard claims.exp.value > self.clock.wallNow else { return .expired }
    guard !claims.sub.value.isEmpty else {
      return .invalid(reason: "the token names no user")
    }
    self.verified.insert(
      token,
      username: claims.sub.value,
      expiry: claims.exp.value,
      now: self.clock.wallNow
    )
    return .valid(username: claims.sub.value)
  }

  /// The verdict on a token this issuer verified before, without waiting: `.valid` while it
  /// lasts, `.expired` after; `nil` when the token is not known to be good (it may be new, or
  /// forged), and only ``verify(_:)`` can tell.
  public func cachedVerdict(_ token: String) -> TokenVerdict? {
    switch self.verified.lookup(token, now: self.clock.wallNow) {
    case .valid(let username): return .valid(username: username)
    case .expired: return .expired
    case .unknown: return nil
    }
  }

  /// The signing key file exists but is unusable, or a new one cannot be written.
  public struct KeyFileError: Error, CustomStringConvertible {
    /// The key file's path.
    public let path: String
    /// What is wrong with it.
    public let problem: String

    /// A sentence naming the file and the problem, with the way out.
    public var description: String {
      "The token signing key \(self.path) \(self.problem). Delete it to create a new key "
        + "(tokens issued with the old key stop working)."
    }
  }
}
