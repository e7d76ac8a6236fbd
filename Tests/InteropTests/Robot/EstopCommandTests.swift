import Foundation
import SpotSimulator
import Testing
import TestSupport

/// `bosdyn ROBOT estop stop|release` against the simulated robot: a stop cuts motor power and
/// holds the robot stopped after the command exits; a release lets it power on again.
@Suite("bosdyn estop")
struct EstopCommandTests {
  @Test func stopCutsPowerAndStaysUntilReleased() async throws {
    try await TestRobot.with { robot in
      let body = robot.robot.body
      _ = try body.requestPower(on: true).get()
      try await waitUntil("the motors to be on") { body.isPoweredOn }
      let bosdyn = try TestEnvironment.executable("bosdyn")

      let stop = try await ChildProcess.run(
        bosdyn,
        robot.credentialArguments + [robot.address, "estop", "stop"]
      )
      #expect(stop.status == 0, "\(stop.stderr)")
      #expect(stop.stdout.contains("E-Stop engaged"))
      try await waitUntil("the E-Stop to cut power") { body.isEstopped && !body.isPoweredOn }
      // Stopped, so a power-on is refused.
      #expect((try? body.requestPower(on: true).get()) == nil)

      let release = try await ChildProcess.run(
        bosdyn,
        robot.credentialArguments + [robot.address, "estop", "release"]
      )
      #expect(release.status == 0, "\(release.stderr)")
      #expect(release.stdout.contains("E-Stop released"))
      try await waitUntil("the E-Stop to be released") { !body.isEstopped }
      _ = try body.requestPower(on: true).get()

      // Nothing left to release.
      let again = try await ChildProcess.run(
        bosdyn,
        robot.credentialArguments + [robot.address, "estop", "release"]
      )
      #expect(again.status == 0)
      #expect(again.stdout.contains("No E-Stop"))
    }
  }
}
