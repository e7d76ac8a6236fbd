import BosdynCore
import Crypto
import Foundation
import SimulatorDefaults
public import Logging
public import NIOSSL
import SwiftASN1
import X509

/// The simulated Spot's TLS identity: its own certificate authority and a server certificate
/// for the robot's names, kept in the simulator's data directory.
///
/// A real Spot presents a certificate signed by Boston Dynamics' CA for names such as
/// `api.spot.robot`, and clients pin that CA. The simulator does the same with a CA of its own,
/// created on first start, so clients trust the file at ``caCertificatePath`` exactly as they
/// would trust the real robot's `robot.pem`.
///
/// The directory holds `ca.pem` (public; give it to clients), `ca-key.pem`, `server.pem` and
/// `server-key.pem` (both keys mode 0600). Later starts reuse them; the server certificate is
/// re-issued by the same CA when it expires, is unreadable or lacks a name, so clients keep
/// trusting the same `ca.pem`.
///
/// ```swift
/// let certificates = try SimulatorCertificates.loadOrCreate(
///   dataDirectory: SimulatorDefaults.dataDirectory, logger: logger)
/// print("CA certificate: \(certificates.caCertificatePath)")
/// ```
public struct SimulatorCertificates: Sendable {
  /// The DNS names the server certificate is valid for, besides `127.0.0.1` and `::1`.
  public static let serverDNSNames: [String] = CertificateFactory.serverDNSNames

  /// The file name of the CA's private key inside the data directory.
  public static let caPrivateKeyFileName = "ca-key.pem"

  /// The file name of the server certificate (PEM) inside the data directory.
  public static let serverCertificateFileName = "server.pem"

  /// The file name of the server's private key (PEM) inside the data directory.
  public static let serverPrivateKeyFileName = "server-key.pem"

  /// Where the CA certificate is, for clients to trust (`--robot-ca`, `BOSDYN_ROBOT_CA`,
  /// Python's `load_robot_cert`).
  public let caCertificatePath: String

  /// The CA certificate in PEM form, for in-process clients.
  public let caCertificatePEM: String

  /// The certificate chain the TLS server presents: the server certificate.
  public let serverCertificateChain: [NIOSSLCertificate]

  /// The server certificate's private key.
  public let serverPrivateKey: NIOSSLPrivateKey

  /// Loads the certificates from `dataDirectory`, creating the directory, the CA and the server
  /// certificate as needed.
  ///
  /// - Parameters:
  ///   - dataDirectory: The simulator's data directory; created (mode 0700) when missing.
  ///   - logger: Told at notice level what was created, so a user knows when to re-trust a CA.
  /// - Throws: When the directory cannot be created or written, or a file cannot be parsed
  ///   even after being re-created.
  public static func loadOrCreate(
    dataDirectory: String,
    logger: Logger
  ) throws -> SimulatorCertificates {
    try FileManager.default.createDirectory(
      atPath: dataDirectory,
      withIntermediateDirectories: true,
      attributes: [.posixPermissions: 0o700]
    )
    let now = Date()
    let caPath = dataDirectory + "/" + SimulatorDefaults.caCertificateFileName
    let caKeyPath = dataDirectory + "/" + caPrivateKeyFileName
    let serverPath = dataDirectory + "/" + serverCertificateFileName
    let serverKeyPath = dataDirectory + "/" + serverPrivateKeyFileName

    var authority: CertificateFactory.Issued
    var createdAuthority = false
    if let existing = loadIssued(certificatePath: caPath, keyPath: caKeyPath),
      CertificateFactory.isUsableAuthority(existing, now: now)
    {
      authority = existing
    } else {
      authority = try CertificateFactory.makeCertificateAuthority(now: now)
      try PrivateFile.save(authority.privateKey.pemRepresentation, to: caKeyPath, mode: 0o600)
      try PrivateFile.save(try pem(authority.certificate), to: caPath, mode: 0o644)
      createdAuthority = true
      logger.notice(
        "Created a new CA certificate; clients must trust it",
        metadata: ["path": "\(caPath)"]
      )
    }

    var server: CertificateFactory.Issued
    if !createdAuthority,
      let existing = loadIssued(certificatePath: serverPath, keyPath: serverKeyPath),
      CertificateFactory.isUsableServerCertificate(existing, authority: authority, now: now)
    {
      server = existing
    } else {
      server = try CertificateFactory.makeServerCertificate(signedBy: authority, now: now)
      try PrivateFile.save(server.privateKey.pemRepresentation, to: serverKeyPath, mode: 0o600)
      try PrivateFile.save(try pem(server.certificate), to: serverPath, mode: 0o644)
      logger.info(
        "Created a server certificate",
        metadata: [
          "path": "\(serverPath)",
          "expires": "\(server.certificate.notValidAfter)",
        ]
      )
    }

    let caPEM = try pem(authority.certificate)
    let serverPEM = try pem(server.certificate)
    return SimulatorCertificates(
      caCertificatePath: caPath,
      caCertificatePEM: caPEM,
      serverCertificateChain: [try NIOSSLCertificate(bytes: Array(serverPEM.utf8), format: .pem)],
      serverPrivateKey: try NIOSSLPrivateKey(
        bytes: Array(server.privateKey.pemRepresentation.utf8),
        format: .pem
      )
    )
  }

  private static func loadIssued(
    certificatePath: String,
    keyPath: String
  ) -> CertificateFactory.Issued? {
    guard let certificatePEM = PrivateFile.read(certificatePath),
      let keyPEM = PrivateFile.read(keyPath),
      let certificate = try? Certificate(pemEncoded: certificatePEM),
      let key = try? P256.Signing.PrivateKey(pemRepresentation: keyPEM)
    else { return nil }
    return CertificateFactory.Issued(certificate: certificate, privateKey: key)
  }

  private static func pem(_ certificate: Certificate) throws -> String {
    try certificate.serializeAsPEM().pemString + "\n"
  }
}
