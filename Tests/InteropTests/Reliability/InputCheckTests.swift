import Foundation
import Testing
import TestSupport

/// Bad input on a command line: one clear line naming what is wrong, a non-zero exit, and no
/// usage text when the arguments were well formed but the world said no.
@Suite("Command-line input checks")
struct InputCheckTests {
  @Test func aDataDirectoryThatIsAFileIsNamed() async throws {
    let file = TemporaryFiles.temporaryDirectory("data-dir-file")
    defer { TemporaryFiles.remove(file) }
    _ = FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
    let result = try await ChildProcess.run(
      try TestEnvironment.executable("spot-sim"),
      ["--data-dir", file, "--port", "0"],
      timeout: .seconds(20)
    )
    #expect(result.status == 1)
    #expect(result.stderr.contains("The data directory \(file) is a file"), "\(result.stderr)")
    #expect(!result.stderr.contains("Usage:"))
    #expect(!result.stderr.contains("NSCocoaErrorDomain"))
  }

  @Test func anUnwritableMissionFileIsOneLineWithoutUsage() async throws {
    let result = try await ChildProcess.run(
      try TestEnvironment.executable("build-mission"),
      ["/nonexistent-directory/hello.pb", "--user-string", "Spot"]
    )
    #expect(result.status == 1)
    #expect(result.stderr.hasPrefix("Error: Cannot write /nonexistent-directory/hello.pb"))
    #expect(!result.stderr.contains("Usage:"), "\(result.stderr)")
    #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
  }

  @Test func emptyNamesAreUsageErrors() async throws {
    let mission = try await ChildProcess.run(
      try TestEnvironment.executable("build-mission"),
      ["/tmp/never-written.pb", "--service-name", ""]
    )
    #expect(mission.status == 64)
    #expect(mission.stderr.contains("--service-name is empty"), "\(mission.stderr)")
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never-written.pb"))
    let sim = try await ChildProcess.run(
      try TestEnvironment.executable("spot-sim"),
      ["--data-dir", "", "--port", "0"],
      timeout: .seconds(20)
    )
    #expect(sim.status == 64)
    #expect(sim.stderr.contains("--data-dir is empty"), "\(sim.stderr)")
  }

  @Test(arguments: ["directory", "text"])
  func aCertificateAuthorityThatIsNotACertificateIsNamed(kind: String) async throws {
    let directory = TemporaryFiles.temporaryDirectory("not-a-ca")
    defer { TemporaryFiles.remove(directory) }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    var path = directory
    if kind == "text" {
      path = directory + "/ca.pem"
      _ = FileManager.default.createFile(atPath: path, contents: Data("not a certificate".utf8))
    }
    let result = try await ChildProcess.run(
      try TestEnvironment.executable("bosdyn"),
      ["--robot-ca", path, "127.0.0.1:1", "id"],
      timeout: .seconds(20)
    )
    #expect(result.status != 0)
    #expect(result.stderr.contains(path), "\(result.stderr)")
    #expect(result.stderr.contains("--robot-ca"))
    #expect(!result.stderr.contains("SSL context"))
    #expect(!result.stderr.contains("Usage:"))
  }

  @Test(arguments: [":::", "spot robot", "a..b"])
  func anAddressThatNamesNoHostIsRefused(address: String) async throws {
    let result = try await ChildProcess.run(
      try TestEnvironment.executable("bosdyn"),
      [address, "id"],
      timeout: .seconds(20)
    )
    #expect(result.status != 0)
    #expect(result.stderr.contains("is not a robot address"), "\(result.stderr)")
  }
}
