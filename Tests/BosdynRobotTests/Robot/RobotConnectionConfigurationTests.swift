import BosdynCore
import BosdynRobot
import Foundation
import Testing

@Suite("RobotConnection.Configuration")
struct RobotConnectionConfigurationTests {
  /// Two readable files standing in for CA certificates.
  static func files() throws -> (explicit: String, environment: String) {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("robot-ca-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let explicit = directory.appendingPathComponent("explicit.pem").path
    let environment = directory.appendingPathComponent("env.pem").path
    _ = FileManager.default.createFile(atPath: explicit, contents: Data("x".utf8))
    _ = FileManager.default.createFile(atPath: environment, contents: Data("x".utf8))
    return (explicit, environment)
  }

  @Test("an explicit CA path wins over the environment")
  func explicitPathWins() throws {
    let files = try Self.files()
    let configuration = RobotConnection.Configuration(
      certificateAuthorityPath: files.explicit,
      environment: [RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: files.environment]
    )
    #expect(try configuration.resolvedCertificateAuthorityPath() == files.explicit)
  }

  @Test("BOSDYN_ROBOT_CA is used when no path is given")
  func environmentVariable() throws {
    let files = try Self.files()
    let configuration = RobotConnection.Configuration(
      environment: [RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: files.environment])
    #expect(try configuration.resolvedCertificateAuthorityPath() == files.environment)
  }

  @Test("a CA path that cannot be read is an error naming the path and where it came from")
  func unreadablePath() throws {
    let configuration = RobotConnection.Configuration(
      environment: [RobotConnection.Configuration.certificateAuthorityEnvironmentVariable: "/nonexistent/ca.pem"])
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
