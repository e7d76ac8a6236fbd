import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import Testing
import TestSupport

/// Login faults: a wrong password, an expired, forged or missing token. Each is
/// refused by the simulated robot with the status the real robot gives, and each SDK turns it
/// into its own clear error.
@Suite("Robot faults: wrong password and bad tokens")
struct RobotFaultLoginTests {
  @Test func aWrongPasswordMakesTheClientExitWithAClearMessage() async throws {
    try await TestRobot.with { robot in
      let result = try await ChildProcess.run(
        try TestEnvironment.executable("remote-mission-client"),
        [
          "--hello-world", "robot", "--robot-ca", robot.caPath, "--username", "user",
          "--password", "wrong", robot.address,
        ]
      )
      #expect(result.status == 1, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
      #expect(result.stderr.contains("invalidLogin"), "\(result.stderr)")
      #expect(result.stderr.contains("username and/or password are invalid"), "\(result.stderr)")
      #expect(!result.stdout.contains("STATUS_"), "no session ran: \(result.stdout)")
    }
  }

  @Test func aWrongPasswordIsInvalidLoginErrorInPython() async throws {
    try await TestRobot.with { robot in
      let result = try await robot.runPython(
        "python_robot_tour.py",
        ["--password", "wrong", "--password-only"]
      )
      #expect(result["error"] as? String == "InvalidLoginError", "\(result)")
      #expect(result["authenticated"] == nil)
    }
  }

  @Test func sixWrongPasswordsAreTemporarilyLockedOutErrorInPythonAndAClearMessageInBosdyn()
    async throws
  {
    try await TestRobot.with { robot in
      for _ in 0..<PasswordCheck.failuresBeforeLockout {
        let wrong = try await robot.runPython(
          "python_robot_tour.py",
          ["--password", "wrong", "--password-only"]
        )
        #expect(wrong["error"] as? String == "InvalidLoginError", "\(wrong)")
      }
      // The right password, within the minute: the official SDK's own lock-out error.
      let locked = try await robot.runPython("python_robot_tour.py", ["--password-only"])
      #expect(locked["error"] as? String == "TemporarilyLockedOutError", "\(locked)")
      let bosdyn = try await ChildProcess.run(
        try TestEnvironment.executable("bosdyn"),
        robot.credentialArguments + [robot.address, "dir", "list"]
      )
      #expect(bosdyn.status == 1)
      #expect(
        bosdyn.stderr.contains("Too many failed log-ins: the robot has locked this user out"),
        "\(bosdyn.stderr)"
      )
    }
  }

  @Test func anExpiredTokenIsRefusedButALoggedInConnectionRefreshesItsOwn() async throws {
    try await TestRobot.with(configure: { $0.tokenLifetime = .seconds(2) }) { robot in
      try await robot.withConnection { loggedIn in
        let first = try #require(loggedIn.userToken)
        let lifetime = try #require(first.lifetime)
        #expect(lifetime <= .seconds(2), "the simulator issued a \(lifetime) token")

        // The first token, used by another connection, stops working once it expires …
        var loggedInFailures: [ClientError] = []
        let expiredError = try await eventually(
          "the first token to expire",
          timeout: .seconds(10),
          pollEvery: .milliseconds(200)
        ) { () async throws -> ClientError? in
          // … while the logged-in connection keeps working all along, refreshing its token.
          do {
            _ = try await DirectoryClient(connection: loggedIn).list()
          } catch let error as ClientError {
            loggedInFailures.append(error)
          }
          return try await robot.withConnection(logIn: false) { other in
            other.authenticate(token: first.value)
            do {
              _ = try await DirectoryClient(connection: other).list()
              return nil
            } catch let error as ClientError {
              return error
            }
          }
        }
        #expect(loggedInFailures.isEmpty, "the logged-in connection failed: \(loggedInFailures)")
        #expect(expiredError.code == .unauthenticated, "\(expiredError)")
        #expect(expiredError.message.contains("expired"), "\(expiredError)")

        let entries = try await DirectoryClient(connection: loggedIn).list()
        #expect(entries.contains { $0.name == "directory" })
        #expect(loggedIn.userToken != first, "the connection refreshed its token")
      }
    }
  }

  @Test func anExpiredTokenIsUnauthenticatedErrorInPython() async throws {
    try await TestRobot.with { robot in
      // A token signed with this robot's own key, expired a minute ago.
      let issuer = try await TokenIssuer.loadOrCreate(dataDirectory: robot.dataDirectory)
      let expired = try await issuer.issue(username: "user", validFor: .seconds(-60))
      #expect(await issuer.verify(expired) == .expired)
      let result = try await robot.runPython("fault_unauthenticated.py", ["--token", expired])
      #expect(result["error"] as? String == "UnauthenticatedError", "\(result)")
    }
  }

  @Test func aTokenSignedByAnotherRobotIsUnauthenticated() async throws {
    let otherDirectory = TemporaryFiles.temporaryDirectory("fault-other-robot")
    defer { TemporaryFiles.remove(otherDirectory) }
    let forger = try await TokenIssuer.loadOrCreate(dataDirectory: otherDirectory)
    let forged = try await forger.issue(username: "user", validFor: .seconds(3600))

    try await TestRobot.with { robot in
      let error = try await robot.withConnection(logIn: false) { connection in
        connection.authenticate(token: forged)
        return await #expect(throws: ClientError.self) {
          _ = try await DirectoryClient(connection: connection).list()
        }
      }
      #expect(error?.code == .unauthenticated, "\(String(describing: error))")
      #expect(
        error?.message.contains("not issued by this robot") == true,
        "\(String(describing: error))"
      )

      let python = try await robot.runPython("fault_unauthenticated.py", ["--token", forged])
      #expect(python["error"] as? String == "UnauthenticatedError", "\(python)")
    }
  }

  @Test func aCallWithoutATokenIsUnauthenticated() async throws {
    try await TestRobot.with { robot in
      let error = try await robot.withConnection(logIn: false) { connection in
        #expect(connection.userToken == nil)
        return await #expect(throws: ClientError.self) {
          _ = try await DirectoryClient(connection: connection).list()
        }
      }
      #expect(error?.code == .unauthenticated, "\(String(describing: error))")
      #expect(error?.message.contains("no bearer token") == true, "\(String(describing: error))")

      let python = try await robot.runPython("fault_unauthenticated.py")
      #expect(python["error"] as? String == "UnauthenticatedError", "\(python)")
    }
  }
}
