import BosdynAPI
import BosdynCore
import BosdynMission
import BosdynRobot
import ExampleServicers
import Foundation
import MissionExecutor
import SpotSimulator
import Testing
import TestSupport

/// The document's power-off callback run from a mission, end to end in the simulated robot:
/// the robot's mission service ticks the `PowerOffServicer` (hosted here, registered in the
/// robot's directory) with a sub-lease of the played body lease; the servicer sends a safe
/// power off through the robot and reports RUNNING until the motors are off.
@Suite("Missions: the power-off callback run from a mission")
struct PowerOffMissionTests {
  @Test func theMissionSucceedsOnlyOnceTheMotorsAreFullyOff() async throws {
    try await TestRobot.withMissions(configure: { $0.powerTransition = .milliseconds(600) }) {
      robot,
      driver in
      try await PowerClient(connection: driver.connection, wallet: driver.wallet).powerOnMotors(
        timeout: .seconds(10),
        pollInterval: .milliseconds(50)
      )
      #expect(robot.robot.body.isPoweredOn)
      try await withRegisteredPowerOffServicer(robot) {
        let mission = MissionTrees.callback(
          "Power off",
          service: "power-off-callback",
          timeout: 10,
          leaseResources: ["body"],
          inputs: [.constant("user-string", string: "Power off")]
        )
        try await driver.missions.load(mission)
        try await driver.play()
        // Read in-process, mission state first: a SUCCESS seen before motors that were not yet
        // off would be a mission that finished early.
        var observed: [(mission: MissionStatus, motors: MotorState)] = []
        try await waitUntil("the mission to finish", pollEvery: .milliseconds(5)) {
          let status = robot.robot.missions.state().status
          observed.append((status, robot.robot.body.motorPowerState))
          return status != .running && status != .none
        }
        #expect(observed.last?.mission == .success, "\(observed.suffix(3))")
        let early = observed.filter { $0.mission == .success && $0.motors != .stateOff }
        #expect(early.isEmpty, "SUCCESS while the motors were \(early.map(\.motors))")
        #expect(
          observed.contains { $0.mission == .running && $0.motors == .statePoweringOff },
          "the mission was running while the motors powered off"
        )
        #expect(robot.robot.body.motorPowerState == .stateOff)
      }
    }
  }
}

private typealias MissionStatus = Bosdyn_Api_Mission_State.Status
private typealias MotorState = Bosdyn_Api_PowerState.MotorPowerState

/// Hosts the `PowerOffServicer` with its own logged-in robot connection, registered in the
/// robot's directory as `power-off-callback`, for the duration of `body`.
private func withRegisteredPowerOffServicer(
  _ robot: TestRobot,
  _ body: () async throws -> Void
) async throws {
  try await robot.withConnection(clientName: "PowerOffCallback") { service in
    let server = RemoteMissionServer(
      servicer: SessionManagingServicer(PowerOffServicer(robot: service, logger: service.logger)),
      configuration: .init(host: "127.0.0.1", port: 0, eventLoops: 1),
      logger: service.logger
    )
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await server.serve() }
      let outcome: Result<Void, any Error>
      do {
        var entry = Bosdyn_Api_ServiceEntry()
        entry.name = "power-off-callback"
        entry.type = "bosdyn.api.mission.RemoteMissionService"
        entry.authority = "power-off-callback"
        entry.userTokenRequired = true
        try await DirectoryRegistrationClient(connection: service)
          .register(entry, host: "127.0.0.1", port: try await server.listeningPort())
        try await body()
        outcome = .success(())
      } catch {
        outcome = .failure(error)
      }
      server.beginGracefulShutdown()
      try await group.waitForAll()
      try outcome.get()
    }
  }
}
