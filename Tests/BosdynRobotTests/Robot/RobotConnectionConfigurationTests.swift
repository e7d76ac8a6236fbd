import BosdynClient
import BosdynRobot
import Foundation
import Testing

@Suite("RobotConnection.Configuration")
struct RobotConnectionConfigurationTests {
  @Test("an explicit CA path wins over the environment")
  func explicitPathWins() throws {
    let configuration = RobotConnection.Configuration(
      certificateAuthorityPath: "/explicit/ca.pem",
      environment: [SimulatorDefaults.caCertificateEnvironmentVariable: "/env/ca.pem"]
    )
    #expect(try configuration.resolvedCertificateAuthorityPath() == "/explicit/ca.pem")
  }

  @Test("BOSDYN_ROBOT_CA is used when no path is given")
  func environmentVariable() throws {
    let configuration = RobotConnection.Configuration(
      environment: [SimulatorDefaults.caCertificateEnvironmentVariable: "/env/ca.pem"])
    #expect(try configuration.resolvedCertificateAuthorityPath() == "/env/ca.pem")
  }

  @Test("without path or variable: the simulator's CA if it exists, else an error naming all three")
  func fallback() throws {
    let configuration = RobotConnection.Configuration(environment: [:])
    let simulatorPath = SimulatorDefaults.caCertificatePath
    if FileManager.default.fileExists(atPath: simulatorPath) {
      #expect(try configuration.resolvedCertificateAuthorityPath() == simulatorPath)
    } else {
      let error = #expect(throws: RobotConnectionError.self) {
        try configuration.resolvedCertificateAuthorityPath()
      }
      #expect(error?.code == .missingCertificateAuthority)
      #expect(error?.message.contains("--robot-ca") == true)
      #expect(error?.message.contains("BOSDYN_ROBOT_CA") == true)
      #expect(error?.message.contains(simulatorPath) == true)
    }
  }
}
