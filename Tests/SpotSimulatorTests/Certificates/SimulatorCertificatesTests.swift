import BosdynCore
import Foundation
import SimulatorDefaults
import SpotSimulator
import SwiftASN1
import TestSupport
import Testing
import X509

@Suite("Simulator certificates")
struct SimulatorCertificatesTests {
  private static func makeDirectory() -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("spot-sim-certificates-\(UUID().uuidString)/data").path
  }

  private static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  private static func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int)
  }

  @Test("First start creates a CA and a server certificate for the robot's names")
  func createsCertificates() async throws {
    let directory = Self.makeDirectory()
    let certificates = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )

    #expect(
      certificates.caCertificatePath == directory + "/" + SimulatorDefaults.caCertificateFileName
    )
    #expect(try Self.read(certificates.caCertificatePath) == certificates.caCertificatePEM)
    #expect(try Self.permissions(directory + "/server-key.pem") == 0o600)
    #expect(try Self.permissions(directory + "/ca-key.pem") == 0o600)
    #expect(try Self.permissions(certificates.caCertificatePath) == 0o644)
    #expect(certificates.serverCertificateChain.count == 1)

    let ca = try Certificate(pemEncoded: certificates.caCertificatePEM)
    #expect(ca.issuer == ca.subject)
    #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
    #expect(try ca.extensions.keyUsage?.keyCertSign == true)
    #expect(ca.notValidAfter > Date() + 9 * 365 * 24 * 3600)

    let server = try Certificate(pemEncoded: Self.read(directory + "/server.pem"))
    #expect(server.issuer == ca.subject)
    #expect(ca.publicKey.isValidSignature(server.signature, for: server))
    #expect(try server.extensions.basicConstraints == .notCertificateAuthority)
    #expect(try server.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
    #expect(server.notValidAfter > Date() + 300 * 24 * 3600)
    #expect(server.notValidAfter < Date() + 400 * 24 * 3600)

    let names = try #require(try server.extensions.subjectAlternativeNames)
    var dnsNames: [String] = []
    var addresses: [[UInt8]] = []
    for name in names {
      switch name {
      case .dnsName(let dnsName): dnsNames.append(dnsName)
      case .ipAddress(let address): addresses.append(Array(address.bytes))
      default: Issue.record("Unexpected name \(name)")
      }
    }
    #expect(
      Set(dnsNames) == [
        "api.spot.robot", "auth.spot.robot", "id.spot.robot", "payload-registration.spot.robot",
        "*.spot.robot", "localhost",
      ]
    )
    #expect(addresses.contains([127, 0, 0, 1]))
    #expect(addresses.contains([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]))
  }

  @Test("Later starts reuse the CA and the server certificate")
  func reusesCertificates() async throws {
    let directory = Self.makeDirectory()
    let first = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    let serverPEM = try Self.read(directory + "/server.pem")
    let serverKeyPEM = try Self.read(directory + "/server-key.pem")

    let second = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    #expect(second.caCertificatePEM == first.caCertificatePEM)
    #expect(try Self.read(directory + "/server.pem") == serverPEM)
    #expect(try Self.read(directory + "/server-key.pem") == serverKeyPEM)
    #expect(second.serverCertificateChain == first.serverCertificateChain)
  }

  @Test("An unreadable server certificate is re-issued by the same CA")
  func reissuesServerCertificate() async throws {
    let directory = Self.makeDirectory()
    let first = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    let oldServerPEM = try Self.read(directory + "/server.pem")
    try "garbage".write(toFile: directory + "/server.pem", atomically: true, encoding: .utf8)

    let second = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    #expect(second.caCertificatePEM == first.caCertificatePEM)
    let newServerPEM = try Self.read(directory + "/server.pem")
    #expect(newServerPEM != oldServerPEM)
    let ca = try Certificate(pemEncoded: second.caCertificatePEM)
    let server = try Certificate(pemEncoded: newServerPEM)
    #expect(ca.publicKey.isValidSignature(server.signature, for: server))
  }

  @Test("Without the CA's key a new CA and server certificate are made")
  func replacesCAWithoutKey() async throws {
    let directory = Self.makeDirectory()
    let first = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    try FileManager.default.removeItem(atPath: directory + "/ca-key.pem")

    let second = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory,
      logger: TestLogging.logger("spot-sim.certificate-tests")
    )
    #expect(second.caCertificatePEM != first.caCertificatePEM)
    let ca = try Certificate(pemEncoded: second.caCertificatePEM)
    let server = try Certificate(pemEncoded: Self.read(directory + "/server.pem"))
    #expect(ca.publicKey.isValidSignature(server.signature, for: server))
  }

  @Test("A data directory that cannot be created is an error, not a crash")
  func unwritableDirectory() async throws {
    let file = Self.makeDirectory()
    try FileManager.default.createDirectory(
      atPath: (file as NSString).deletingLastPathComponent,
      withIntermediateDirectories: true
    )
    try "not a directory".write(toFile: file, atomically: true, encoding: .utf8)
    #expect(throws: (any Error).self) {
      _ = try SimulatorCertificates.loadOrCreate(
        dataDirectory: file,
        logger: TestLogging.logger("spot-sim.certificate-tests")
      )
    }
  }
}
