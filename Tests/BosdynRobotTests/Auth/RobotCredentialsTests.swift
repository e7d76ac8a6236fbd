import BosdynRobot
import Synchronization
import Testing

@Suite("RobotCredentials")
struct RobotCredentialsTests {
  static let environment = [
    RobotCredentials.usernameEnvironmentVariable: "env-user",
    RobotCredentials.passwordEnvironmentVariable: "env-password",
  ]

  @Test("flags win over the environment")
  func flagsWin() throws {
    let credentials = try RobotCredentials.resolve(
      username: "flag-user",
      password: "flag-password",
      environment: Self.environment,
      prompt: .none
    )
    #expect(credentials == RobotCredentials(username: "flag-user", password: "flag-password"))
  }

  @Test("the environment fills what the flags leave out")
  func environmentFills() throws {
    let credentials = try RobotCredentials.resolve(
      username: "flag-user",
      environment: Self.environment,
      prompt: .none
    )
    #expect(credentials == RobotCredentials(username: "flag-user", password: "env-password"))
  }

  @Test("a terminal is asked only for what is missing")
  func promptsForMissing() throws {
    let asked = Mutex<[String]>([])
    let prompt = RobotCredentials.Prompt(
      isAvailable: { true },
      readUsername: {
        asked.withLock { $0.append("username") }
        return "typed-user"
      },
      readPassword: {
        asked.withLock { $0.append("password") }
        return "typed-password"
      }
    )
    let credentials = try RobotCredentials.resolve(
      username: "flag-user",
      environment: [:],
      prompt: prompt
    )
    #expect(credentials == RobotCredentials(username: "flag-user", password: "typed-password"))
    #expect(asked.withLock { $0 } == ["password"])
  }

  @Test("without a terminal, missing credentials are a clear error")
  func missingWithoutTerminal() {
    let error = #expect(throws: RobotConnectionError.self) {
      try RobotCredentials.resolve(environment: [:], prompt: .none)
    }
    #expect(error?.code == .missingCredentials)
    #expect(error?.message.contains("BOSDYN_CLIENT_USERNAME") == true)
    #expect(error?.message.contains("BOSDYN_CLIENT_PASSWORD") == true)
  }

  @Test("the description never shows the password")
  func descriptionHidesPassword() {
    let text = String(describing: RobotCredentials(username: "u", password: "secret"))
    #expect(!text.contains("secret"))
  }
}
