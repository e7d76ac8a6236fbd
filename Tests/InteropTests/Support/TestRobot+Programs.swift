import BosdynRobot
import Foundation
import SpotSimulator
import TestSupport

extension TestRobot {
  /// The connection arguments of the peer scripts (robot_common.py).
  var pythonArguments: [String] {
    ["--port", "\(self.port)", "--ca", self.caPath]
  }

  /// Runs a peer script (in Tests/InteropTests/Python) against this robot and decodes the JSON
  /// object it prints last.
  func runPython(_ script: String, _ arguments: [String] = []) async throws -> [String: Any] {
    let result = try await ChildProcess.run(
      try TestEnvironment.python,
      [TestEnvironment.script(script)] + self.pythonArguments + arguments,
      timeout: .seconds(30)
    )
    guard result.status == 0 else {
      throw TestEnvironment.SetupError(
        "\(script) failed (\(result.status)):\n\(result.stdout)\n\(result.stderr)"
      )
    }
    return try lastJSONObject(result.stdout)
  }

  /// Starts `hello-world-mission-service robot` against this robot on a free port.
  func startHelloWorld() throws -> ChildProcess {
    try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
        + [self.address]
    )
  }

  /// Starts a robot-mode mission service executable against this robot and waits until it has
  /// registered in the directory.
  func startRegisteredService(_ executable: String, _ arguments: [String]) async throws
    -> ChildProcess
  {
    let child = try ChildProcess(try TestEnvironment.executable(executable), arguments)
    try await child.waitForOutput("Starting directory registration loop", inStderr: true)
    return child
  }

  /// `hello-world-mission-service robot` on a free port, once it has registered.
  func startRegisteredHelloWorld() async throws -> ChildProcess {
    try await self.startRegisteredService(
      "hello-world-mission-service",
      ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
        + [self.address]
    )
  }

  /// `power-off-mission-service` on a free port, once it has registered.
  func startRegisteredPowerOff() async throws -> ChildProcess {
    try await self.startRegisteredService(
      "power-off-mission-service",
      [self.address, "--host-ip", "127.0.0.1", "--port", "0"] + self.credentialArguments
    )
  }
}
