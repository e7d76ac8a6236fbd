import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import SwiftProtobuf
import Testing

@Suite("Robot client stack against the simulated robot")
struct RobotConnectionEndToEndTests {
  @Test("logs in, and a wrong password is an invalid login")
  func authentication() async throws {
    try await withSimulatedRobotConnection(authenticate: false) { _, robot in
      let error = await #expect(throws: ClientError.self) {
        try await robot.authenticate(username: "user", password: "wrong")
      }
      #expect(error?.code == .invalidLogin)
      #expect(robot.userToken == nil)
      try await robot.authenticate(username: "user", password: "password")
      let token = try #require(robot.userToken)
      #expect(token.expiresAt != nil)
    }
  }

  @Test("calls without a token are refused; with one they work; the token refreshes")
  func tokenRequired() async throws {
    try await withSimulatedRobotConnection(authenticate: false) { _, robot in
      let error = await #expect(throws: ClientError.self) {
        try await DirectoryClient(connection: robot).list()
      }
      #expect(error?.code == .unauthenticated || error?.code == .permissionDenied)
      try await robot.authenticate(username: "user", password: "password")
      _ = try await DirectoryClient(connection: robot).list()
      let before = try #require(robot.userToken)
      try await robot.refreshToken()
      #expect(robot.userToken != nil)
      _ = before
      _ = try await DirectoryClient(connection: robot).list()
    }
  }

  @Test("the connection refreshes a short-lived token before it expires")
  func backgroundRefresh() async throws {
    try await withSimulatedRobotConnection(configure: { $0.tokenLifetime = .seconds(2) }) {
      _,
      robot in
      let first = try #require(robot.userToken)
      var polls = 0
      while robot.userToken == first, polls < 100 {
        try await Task.sleep(for: .milliseconds(50))
        polls += 1
      }
      #expect(robot.userToken != first)
      // Past the first token's expiry, calls still carry a valid token.
      try await Task.sleep(for: .seconds(1))
      _ = try await DirectoryClient(connection: robot).list()
    }
  }

  @Test("robot id needs no token")
  func robotID() async throws {
    try await withSimulatedRobotConnection(authenticate: false) { _, robot in
      let id = try await RobotIdClient(connection: robot).id()
      #expect(!id.serialNumber.isEmpty)
      #expect(!id.species.isEmpty)
    }
  }

  @Test("the directory lists the robot's services; a missing one is nonexistentService")
  func directory() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let directory = DirectoryClient(connection: robot)
      let names = Set(try await directory.list().map(\.name))
      #expect(names.isSuperset(of: ["auth", "directory", "lease", "power", "time-sync"]))
      let entry = try await directory.entry(named: "lease")
      #expect(entry.authority == RobotAuthority.api)
      #expect(try await robot.authority(forService: "robot-id") == RobotAuthority.robotID)
      let error = await #expect(throws: ClientError.self) {
        try await directory.entry(named: "no-such-service")
      }
      #expect(error?.code == .nonexistentService)
    }
  }

  @Test("time sync establishes a skew of about zero against a robot on this computer")
  func timeSync() async throws {
    try await withSimulatedRobotConnection { _, robot in
      let keeper = TimeSyncKeeper(connection: robot)
      #expect(try await keeper.establish())
      let skew = try #require(keeper.clockSkew)
      #expect(skew < .milliseconds(500) && skew > .milliseconds(-500))
      let robotNow = try keeper.robotTimestamp(for: .init())
      #expect(robotNow.seconds > 0)
    }
  }

  @Test("calls after the connection shut down fail with a clear error")
  func closedConnection() async throws {
    try await withSimulatedRobotConnection(authenticate: false) { _, robot in
      robot.shutDown()
      let error = await #expect(throws: RobotConnectionError.self) {
        try await RobotIdClient(connection: robot).id()
      }
      #expect(error?.code == .connectionClosed)
    }
  }
}
