import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import SwiftProtobuf
import Testing
import TestSupport

/// The operator's side of a mission test: a logged-in connection holding the body lease in a
/// wallet, time sync with the robot, and the Swift `MissionClient` using both, as a real client
/// of the robot's mission service is set up. Tests wait on the mission's state, never on time.
struct MissionDriver: Sendable {
  let connection: RobotConnection
  let wallet: LeaseWallet
  let leases: LeaseClient
  let missions: MissionClient
  let timeSync: TimeSyncKeeper

  /// Acquires the body lease and establishes time sync on `connection`, then runs `body`.
  static func with<Result: Sendable>(
    _ connection: RobotConnection,
    _ body: (MissionDriver) async throws -> Result
  ) async throws -> Result {
    let wallet = LeaseWallet(clientName: connection.configuration.clientName)
    let leases = LeaseClient(connection: connection, wallet: wallet)
    try await leases.acquire()
    let timeSync = TimeSyncKeeper(connection: connection)
    #expect(try await timeSync.establish(), "time sync with the simulated robot")
    let missions = MissionClient(connection: connection, wallet: wallet)
    return try await body(
      MissionDriver(
        connection: connection,
        wallet: wallet,
        leases: leases,
        missions: missions,
        timeSync: timeSync
      )
    )
  }

  /// The robot time `delay` from now, through time sync: a play's heartbeat.
  func pauseTime(in delay: Duration) throws -> Google_Protobuf_Timestamp {
    let (seconds, attoseconds) = delay.components
    let offset = Double(seconds) + Double(attoseconds) / 1e18
    return try self.timeSync.robotTimestamp(for: Date().addingTimeInterval(offset))
  }

  /// Plays the loaded mission with a heartbeat far enough away that no test hits it.
  func play(leases: [Lease]? = nil) async throws {
    try await self.missions.play(pauseTime: try self.pauseTime(in: .seconds(30)), leases: leases)
  }

  /// Polls GetState until `condition` holds, and returns that state.
  @discardableResult
  func waitForState(
    _ what: String,
    timeout: Duration = .seconds(15),
    _ condition: @escaping (Bosdyn_Api_Mission_State) -> Bool
  ) async throws -> Bosdyn_Api_Mission_State {
    try await eventually(what, timeout: timeout) { () async throws -> Bosdyn_Api_Mission_State? in
      let state = try await self.missions.state()
      return condition(state) ? state : nil
    }
  }

  /// Waits until the mission has finished (success, failure, error or stopped).
  func waitUntilFinished(timeout: Duration = .seconds(15)) async throws
    -> Bosdyn_Api_Mission_State
  {
    try await self.waitForState("the mission to finish", timeout: timeout) {
      [.success, .failure, .error, .stopped].contains($0.status)
    }
  }

  /// Loads and plays a one-tick mission and waits for its SUCCESS: what every bad-input test
  /// does last, to show the robot's mission service still serves normally.
  func expectServingNormally() async throws {
    let info = try await self.missions.load(MissionTrees.succeed("Still serving"))
    #expect(info.root.name == "Still serving")
    try await self.play()
    let state = try await self.waitUntilFinished()
    #expect(state.status == .success, "\(state)")
  }
}

extension TestRobot {
  /// A simulated robot for mission tests, with a ``MissionDriver`` logged in to it: missions
  /// tick at 50 Hz so they finish sooner, and the driver's lease outlives a test without a
  /// keep-alive.
  static func withMissions<Result: Sendable>(
    configure: (inout SimulatedRobot.Configuration) -> Void = { _ in },
    _ body: (TestRobot, MissionDriver) async throws -> Result
  ) async throws -> Result {
    try await TestRobot.with(configure: {
      $0.missionTickRate = 50
      $0.leaseRetainTimeout = .seconds(120)
      configure(&$0)
    }) { robot in
      try await robot.withConnection(clientName: "SwiftMissionDriver") { connection in
        try await MissionDriver.with(connection) { driver in try await body(robot, driver) }
      }
    }
  }
}
