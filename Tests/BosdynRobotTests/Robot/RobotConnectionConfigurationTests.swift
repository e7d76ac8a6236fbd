import BosdynCore
import BosdynRobot
import Foundation
import Logging
import SpotSimulator
import Testing

@Suite("RobotConnection.Configuration")
struct RobotConnectionConfigurationTests {
  /// Two CA certificate files (a simulated robot's CA, copied).
  static func files() throws -> (explicit: String, environment: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("robot-ca-\(UUID().uuidString)")
    let certificates = try SimulatorCertificates.loadOrCreate(
      dataDirectory: directory.path,
      logger: Logger(label: "test-ca")
    )
    let explicit = directory.appendingPathComponent("explicit.pem").path
    let environment = directory.appendingPathComponent("env.pem").path
    let pem = Data(certificates.caCertificatePEM.utf8)
    _ = FileManager.default.createFile(atPath: explicit, contents: pem)
    _ = FileManager.default.createFile(atPath: environment, contents: pem)
    return (explicit, environment)
  }

  @Test(
    "a CA path that is a directory, empty, or not PEM is an error naming it, before any TLS",
    arguments: ["directory", "empty", "text", "binary"]
  )
  func notACertificate(kind: String) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("robot-ca-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    var path = directory.appendingPathComponent("ca.pem").path
    switch kind {
    case "directory": path = directory.path
    case "empty": _ = FileManager.default.createFile(atPath: path, contents: Data())
    case "text": _ = FileManager.default.createFile(atPath: path, contents: Data("notacert".utf8))
    default: _ = FileManager.default.createFile(atPath: path, contents: Data([0, 0xFF, 0x1B, 7]))
    }
    let configuration = RobotConnection.Configuration(
      certificateAuthorityPath: path,
      environment: [:]
    )
    let error = #expect(throws: RobotConnectionError.self) {
      try configuration.resolvedCertificateAuthorityPath()
    }
    #expect(error?.code == .missingCertificateAuthority)
    #expect(error?.message.contains(path) == true, "\(String(describing: error))")
    #expect(error?.message.contains("--robot-ca") == true)
  }

  @Test("an explicit CA path wins over the environment")
  func explicitPathWins() throws {
    let files = try Self.files()
    let configuration = RobotConnection.Configuration(
      certificateAuthorityPath: files.explicit,
      environment: [
        RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: files.environment
      ]
    )
    #expect(try configuration.resolvedCertificateAuthorityPath() == files.explicit)
  }

  @Test("BOSDYN_ROBOT_CA is used when no path is given")
  func environmentVariable() throws {
    let files = try Self.files()
    let configuration = RobotConnection.Configuration(
      environment: [
        RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: files.environment
      ])
    #expect(try configuration.resolvedCertificateAuthorityPath() == files.environment)
  }

  @Test("a CA path that cannot be read is an error naming the path and where it came from")
  func unreadablePath() throws {
    let configuration = RobotConnection.Configuration(
      environment: [
        RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: "/nonexistent/ca.pem"
      ])
    let error = #expect(throws: RobotConnectionError.self) {
      try configuration.resolvedCertificateAuthorityPath()
    }
    #expect(error?.code == .missingCertificateAuthority)
    #expect(
      error?.message == "cannot read the CA certificate /nonexistent/ca.pem (from BOSDYN_ROBOT_CA)"
    )
  }

  @Test("without path or variable: the fallback CA if it exists")
  func fallback() throws {
    let files = try Self.files()
    let configuration = RobotConnection.Configuration(
      fallbackCertificateAuthorityPath: files.explicit,
      environment: [:]
    )
    #expect(try configuration.resolvedCertificateAuthorityPath() == files.explicit)
  }

  @Test("without path, variable or existing fallback: an error naming every place looked at")
  func nothingToTrust() throws {
    let missing = "/nonexistent/spot-sim/ca.pem"
    let configuration = RobotConnection.Configuration(
      fallbackCertificateAuthorityPath: missing,
      environment: [:]
    )
    let error = #expect(throws: RobotConnectionError.self) {
      try configuration.resolvedCertificateAuthorityPath()
    }
    #expect(error?.code == .missingCertificateAuthority)
    #expect(error?.message.contains("--robot-ca") == true)
    #expect(error?.message.contains("BOSDYN_ROBOT_CA") == true)
    #expect(error?.message.contains(missing) == true)
  }

  @Test("the library trusts no CA it was not told about")
  func noFallbackByDefault() throws {
    let configuration = RobotConnection.Configuration(environment: [:])
    #expect(throws: RobotConnectionError.self) {
      try configuration.resolvedCertificateAuthorityPath()
    }
  }
}
