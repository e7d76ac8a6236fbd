import Foundation
import Testing
import TestSupport

/// A walk composed in the console, saved as a mission file and played by `replay-mission`
/// against the same `spot-sim` (plain HTTP to the console, no browser).
@Suite("A console walk's mission file")
struct ConsoleWalkFileTests {
  @Test func aWalksMissionFilePlaysWithReplayMission() async throws {
    try await ConsoleSimulator.with { sim in
      let hello = try await sim.startHelloWorld()
      let file = sim.dataDirectory + "/walk-mission.pb"
      let download = try ChildProcess(
        try TestEnvironment.python,
        [
          TestEnvironment.script("console_walk_file.py"), "--url", sim.consoleURL, "--out", file,
        ]
      )
      #expect(try await download.waitForExit() == 0, "\(download.stderr)")
      let saved = try lastJSONObject(download.stdout)
      #expect(saved["landed"] as? String == "/walks", "\(saved)")
      let replay = try ChildProcess(
        try TestEnvironment.executable("replay-mission"),
        sim.robotArguments + ["simple", file]
      )
      #expect(try await replay.waitForExit(timeout: .seconds(60)) == 0, "\(replay.stderr)")
      #expect(replay.stdout.contains("Mission status = STATUS_SUCCESS"), "\(replay.stdout)")
      try await waitUntil("two greetings") {
        hello.stderr.components(separatedBy: "Hello Scout!").count - 1 == 2
      }
      hello.signal(SIGTERM)
      #expect(try await hello.waitForExit() == 0)
    }
  }
}
