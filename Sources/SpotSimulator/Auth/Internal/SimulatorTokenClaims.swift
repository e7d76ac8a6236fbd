import Foundation
import JWTKit

/// The claims of a user token the simulator issues. The real robot's tokens are JWTs too; the
/// Python SDK never looks inside them, so only the simulator itself reads these.
struct SimulatorTokenClaims: JWTPayload {
  /// The user the token was issued to.
  var sub: SubjectClaim
  /// When the token stops being accepted.
  var exp: ExpirationClaim
  /// When the token was issued.
  var iat: IssuedAtClaim
  /// Who issued the token: the simulator's issuer name.
  var iss: IssuerClaim
  /// A unique id, so two tokens issued in the same second differ.
  var jti: IDClaim

  /// Runs after the signature verified. Expiry is checked by the ``TokenIssuer`` against the
  /// robot's clock, which JWTKit cannot see.
  func verify(using algorithm: some JWTAlgorithm) async throws {}
}
