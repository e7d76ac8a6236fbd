import Crypto
import Foundation
import SwiftASN1
import X509

/// Makes the simulator's CA and the server certificates it signs.
///
/// P-256 keys and ECDSA-SHA256 signatures: every TLS stack the simulator meets (BoringSSL in
/// Python's grpc, NIOSSL) accepts them, and they are fast to generate on first start.
enum CertificateFactory {
  /// The DNS names the server certificate covers: the robot's own authorities, every
  /// registered service's `<name>.spot.robot`, and `localhost`.
  static let serverDNSNames = [
    "api.spot.robot",
    "auth.spot.robot",
    "id.spot.robot",
    "payload-registration.spot.robot",
    "*.spot.robot",
    "localhost",
  ]

  /// The loopback addresses the server certificate covers, as raw bytes.
  static let serverIPAddresses: [[UInt8]] = [
    [127, 0, 0, 1],
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1],
  ]

  /// Certificates are backdated by this much so a client whose clock is slightly behind still
  /// accepts a certificate made a moment ago.
  static let backdating: TimeInterval = 60 * 60

  /// How long the CA stays valid: about ten years.
  static let caLifetime: TimeInterval = 3650 * 24 * 60 * 60

  /// How long a server certificate stays valid: about one year.
  static let serverLifetime: TimeInterval = 365 * 24 * 60 * 60

  /// A certificate is replaced when it expires within this margin.
  static let renewalMargin: TimeInterval = 24 * 60 * 60

  struct Issued {
    var certificate: Certificate
    var privateKey: P256.Signing.PrivateKey
  }

  /// A self-signed certificate authority that may sign only end-entity certificates.
  static func makeCertificateAuthority(now: Date) throws -> Issued {
    let key = P256.Signing.PrivateKey()
    let publicKey = Certificate.PublicKey(key.publicKey)
    let name = try DistinguishedName {
      OrganizationName("spot-sim")
      CommonName("Spot Simulator CA")
    }
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: publicKey,
      notValidBefore: now - backdating,
      notValidAfter: now + caLifetime,
      issuer: name,
      subject: name,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
        Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
        SubjectKeyIdentifier(hash: publicKey)
      },
      issuerPrivateKey: Certificate.PrivateKey(key)
    )
    return Issued(certificate: certificate, privateKey: key)
  }

  /// A TLS server certificate for the simulator's names, signed by `authority`.
  static func makeServerCertificate(signedBy authority: Issued, now: Date) throws -> Issued {
    let key = P256.Signing.PrivateKey()
    let publicKey = Certificate.PublicKey(key.publicKey)
    let subject = try DistinguishedName {
      OrganizationName("spot-sim")
      CommonName("api.spot.robot")
    }
    var names = serverDNSNames.map { GeneralName.dnsName($0) }
    names += serverIPAddresses.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) }
    let authorityKeyID = try authority.certificate.extensions.subjectKeyIdentifier?.keyIdentifier
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(),
      publicKey: publicKey,
      notValidBefore: now - backdating,
      notValidAfter: min(now + serverLifetime, authority.certificate.notValidAfter),
      issuer: authority.certificate.subject,
      subject: subject,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.notCertificateAuthority)
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        try ExtendedKeyUsage([.serverAuth])
        SubjectAlternativeNames(names)
        SubjectKeyIdentifier(hash: publicKey)
        AuthorityKeyIdentifier(keyIdentifier: authorityKeyID)
      },
      issuerPrivateKey: Certificate.PrivateKey(authority.privateKey)
    )
    return Issued(certificate: certificate, privateKey: key)
  }

  /// Whether `issued` is a usable CA now: its key matches and it does not expire soon.
  static func isUsableAuthority(_ issued: Issued, now: Date) -> Bool {
    guard issued.certificate.publicKey == Certificate.PublicKey(issued.privateKey.publicKey)
    else { return false }
    guard
      (try? issued.certificate.extensions.basicConstraints)
        == .isCertificateAuthority(
          maxPathLength: 0
        )
    else { return false }
    return issued.certificate.notValidBefore <= now
      && issued.certificate.notValidAfter > now + renewalMargin
  }

  /// Whether `issued` is a usable server certificate now: its key matches, `authority` signed
  /// it, it covers every name the simulator serves and does not expire soon.
  static func isUsableServerCertificate(_ issued: Issued, authority: Issued, now: Date) -> Bool {
    let certificate = issued.certificate
    guard certificate.publicKey == Certificate.PublicKey(issued.privateKey.publicKey),
      certificate.issuer == authority.certificate.subject,
      authority.certificate.publicKey.isValidSignature(certificate.signature, for: certificate),
      certificate.notValidBefore <= now,
      certificate.notValidAfter > now + renewalMargin,
      let alternativeNames = try? certificate.extensions.subjectAlternativeNames
    else { return false }
    let dnsNames = Set(
      alternativeNames.compactMap { name -> String? in
        if case .dnsName(let dnsName) = name { return dnsName }
        return nil
      }
    )
    return dnsNames.isSuperset(of: serverDNSNames)
  }
}
