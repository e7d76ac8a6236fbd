import Clocks
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import SwiftProtobuf
import TestSupport
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

  @Test("the connection refreshes a token before it expires")
  func backgroundRefresh() async throws {
    let robotTime = ManualTime()
    let clientTime = ManualTime()
    try await withSimulatedRobotConnection(
      robotTime: robotTime,
      clientTime: clientTime,
      configure: { $0.tokenLifetime = .seconds(60) }
    ) { simulator, robot in
      let first = try #require(robot.userToken)
      // The refresh timer is the only thing that waits on the client's clock.
      try await waitUntil("the refresh timer to start") {
        (try? await clientTime.testClock.checkSuspension()) == nil
      }
      // Just before 80 % of the lifetime nothing happens; at 80 % the token is refreshed.
      await robotTime.advance(by: .seconds(48))
      await clientTime.advance(by: .milliseconds(47_999))
      #expect(robot.userToken == first)
      await clientTime.advance(by: .milliseconds(1))
      let refreshed = try await eventually("a refreshed token") {
        robot.userToken == first ? nil : robot.userToken
      }
      #expect(refreshed != first)
      // Past the first token's expiry, the robot refuses it and calls still get through.
      await robotTime.advance(by: .seconds(13))
      #expect(await simulator.issuer.verify(first.value) == .expired)
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
