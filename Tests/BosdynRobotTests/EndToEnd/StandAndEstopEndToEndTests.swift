import BosdynAPI
import BosdynCore
import BosdynRobot
import SpotSimulator
import Testing

@Suite("Standing and the estop check against the simulated robot")
struct StandAndEstopEndToEndTests {
  @Test func standWaitsForTheRobotToStandAndNeedsPower() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let wallet = LeaseWallet(clientName: "tester")
      try await LeaseClient(connection: robot, wallet: wallet).acquire()
      let commands = RobotCommandClient(connection: robot, wallet: wallet)
      let unpowered = await #expect(throws: ClientError.self) { try await commands.stand() }
      #expect(unpowered?.code == .notPoweredOn)

      try await PowerClient(connection: robot, wallet: wallet).powerOnMotors(
        pollInterval: .milliseconds(50)
      )
      try await commands.stand(pollInterval: .milliseconds(20))
    }
  }

  @Test func isEstoppedFollowsTheSoftwareEstop() async throws {
    try await withSimulatedRobotConnection { simulator, robot in
      let state = RobotStateClient(connection: robot)
      let before = try await state.isEstopped()
      simulator.body.setEstopped(true)
      let after = try await state.isEstopped()
      #expect(!before && after)
    }
  }
}
