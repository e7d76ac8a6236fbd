import BosdynAPI
import Foundation
import GRPCCore
import SpotSimulator
import TestSupport
import Testing

@Suite("Simulated robot: the lock-out after repeated wrong passwords")
struct LockoutTests {
  private static func attempt(
    _ connection: SimulatorServiceHarness.Connection,
    username: String = SimulatorServiceHarness.username,
    password: String
  ) async throws -> Bosdyn_Api_GetAuthTokenResponse {
    var request = Bosdyn_Api_GetAuthTokenRequest()
    request.username = username
    request.password = password
    return try await connection.auth.getAuthToken(request)
  }

  @Test func sixWrongPasswordsLockTheUserOutForAMinuteAndOnlyThatUser() async throws {
    let time = ManualTime()
    let harness = try await SimulatorServiceHarness(time: time)
    try await harness.serve { connection in
      let token = try await Self.attempt(connection, password: "password").token
      for _ in 0..<PasswordCheck.failuresBeforeLockout {
        #expect(try await Self.attempt(connection, password: "wrong").status == .invalidLogin)
      }
      // Locked: the right password is refused too, with no token.
      let locked = try await Self.attempt(connection, password: "password")
      #expect(locked.status == .temporarilyLockedOut)
      #expect(locked.token.isEmpty)
      // Another username (known or not) is not locked, and says nothing about who exists.
      #expect(
        try await Self.attempt(connection, username: "nobody", password: "x").status
          == .invalidLogin
      )
      // A token the robot issued still refreshes: it is not a password attempt.
      var refresh = Bosdyn_Api_GetAuthTokenRequest()
      refresh.token = token
      #expect(try await connection.auth.getAuthToken(refresh).status == .ok)

      // Attempts during the lock-out do not extend it.
      await time.advance(by: .seconds(59))
      #expect(try await Self.attempt(connection, password: "wrong").status == .temporarilyLockedOut)
      await time.advance(by: .seconds(1))
      #expect(try await Self.attempt(connection, password: "password").status == .ok)
    }
  }

  @Test func aSuccessResetsTheCountAndAnExpiredLockOutStartsItAgain() async throws {
    let time = ManualTime()
    let check = PasswordCheck(accounts: UserAccounts(["user": "password"]), clock: time.clock)
    for _ in 0..<(PasswordCheck.failuresBeforeLockout - 1) {
      #expect(check.verify(username: "user", password: "wrong") == .refused)
    }
    #expect(check.verify(username: "user", password: "password") == .accepted)
    for _ in 0..<(PasswordCheck.failuresBeforeLockout - 1) {
      #expect(check.verify(username: "user", password: "wrong") == .refused)
    }
    #expect(check.verify(username: "user", password: "wrong") == .refused, "the sixth")
    #expect(
      check.verify(username: "user", password: "password") == .lockedOut(retryAfter: .seconds(60))
    )
    await time.advance(by: .seconds(60))
    // After the lock-out, one more failure is the first of a new count, not a new lock-out.
    #expect(check.verify(username: "user", password: "wrong") == .refused)
    #expect(check.verify(username: "user", password: "password") == .accepted)
  }

  @Test func aFloodOfMadeUpUsernamesNeitherGrowsMemoryNorResetsARealUsersCount() async throws {
    let time = ManualTime()
    let check = PasswordCheck(accounts: UserAccounts(["user": "password"]), clock: time.clock)
    for _ in 0..<(PasswordCheck.failuresBeforeLockout - 1) {
      #expect(check.verify(username: "user", password: "wrong") == .refused)
    }
    for index in 0..<(PasswordCheck.counters + 10_000) {
      _ = check.verify(username: "made-up-\(index)", password: "x")
    }
    #expect(check.trackedCount <= PasswordCheck.counters)
    // The five failures are still counted (a made-up name may share the user's slot and
    // have added to them): one more locks the user out.
    _ = check.verify(username: "user", password: "wrong")
    #expect(
      check.verify(username: "user", password: "password") == .lockedOut(retryAfter: .seconds(60))
    )
  }
}
