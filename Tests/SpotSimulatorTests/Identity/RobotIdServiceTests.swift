import BosdynAPI
import GRPCCore
import SpotSimulator
import Testing

@Suite("Simulated robot: robot id")
struct RobotIdServiceTests {
  @Test("Robot id answers without a token, with the simulated identity")
  func robotIDWithoutToken() async throws {
    let harness = try await SimulatorServiceHarness()
    try await harness.serve { connection in
      var request = Bosdyn_Api_RobotIdRequest()
      request.header.clientName = "id-test"
      let response = try await connection.robotID.getRobotId(request)
      #expect(response.header.error.code == .ok)
      #expect(response.header.requestHeader.clientName == "id-test")
      #expect(response.robotID.serialNumber == "spot-sim-0001")
      #expect(response.robotID.nickname == "spot-sim")
      #expect(response.robotID.species == "spot")
      #expect(response.robotID.softwareRelease.version.majorVersion == 5)
      #expect(response.robotID.softwareRelease.version.minorVersion == 2)
      #expect(!response.robotID.softwareRelease.name.isEmpty)
    }
  }

  @Test("A configured identity is what the proto carries")
  func configuredIdentity() {
    var identity = RobotIdentity.defaults
    identity.serialNumber = "sim-42"
    identity.nickname = "rover"
    identity.softwareVersion = .init(major: 4, minor: 1, patch: 3)
    let proto = identity.proto
    #expect(proto.serialNumber == "sim-42")
    #expect(proto.nickname == "rover")
    #expect(proto.softwareRelease.version.patchLevel == 3)
    #expect(identity != RobotIdentity.defaults)
  }
}
