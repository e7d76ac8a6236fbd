import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Boston Dynamics' own examples, unmodified, against `spot-sim` on port 443 (where they
/// connect), trusted through `spot-sim trust-python`: the simulator is a robot to programs that
/// were never written for it.
///
/// The examples are not in this repository (their licence forbids copying them here):
/// `Scripts/fetch-spot-sdk-examples.sh`, which `Scripts/test.sh` runs, downloads them at a
/// pinned release into a cache and checks their SHA-256, which this test checks again.
@Suite("Boston Dynamics' examples against spot-sim on port 443", .serialized)
struct BostonDynamicsExampleTests {
  static let examples: [String: String] = [
    "replay_mission/replay_mission.py":
      "a22b271356969290ea595dd3880beee061d7341735028bc9868c6ecefcb29401",
    "get_mission_state/get_mission_state.py":
      "b07a781626c40975e3dc516e0c5554c9df59751bc2a7e349047491804b652e1b",
  ]

  /// Where the fetch script keeps the examples.
  static var cache: String {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["SPOT_SDK_EXAMPLES_DIR"], !explicit.isEmpty { return explicit }
    let base =
      environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
      ?? NSHomeDirectory() + "/.cache"
    return base + "/spot-remote-mission-swift/spot-sdk-v5.1.4"
  }

  /// The example's path in the cache, once its hash is the pinned one.
  static func example(_ name: String) async throws -> String {
    let path = Self.cache + "/" + name
    guard FileManager.default.fileExists(atPath: path) else {
      throw TestEnvironment.SetupError(
        "Boston Dynamics' \(name) is not in \(Self.cache): run Scripts/fetch-spot-sdk-examples.sh "
          + "(it downloads it from raw.githubusercontent.com; Scripts/test.sh runs it)"
      )
    }
    let hashed = try await ChildProcess.run(
      try TestEnvironment.python,
      [
        "-c",
        "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())",
        path,
      ]
    )
    let hash = hashed.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    guard hash == Self.examples[name] else {
      throw TestEnvironment.SetupError(
        "\(path) has SHA-256 \(hash), not the pinned one: delete it and fetch again"
      )
    }
    return path
  }

  /// Runs a Python example with the SDK's credentials variables, as its README says.
  static func runExample(_ venv: ThrowawayVenv, _ script: String, _ arguments: [String])
    async throws -> (status: Int32, stdout: String, stderr: String)
  {
    try await ChildProcess.run(
      "/usr/bin/env",
      ["BOSDYN_CLIENT_USERNAME=user", "BOSDYN_CLIENT_PASSWORD=password", venv.python, script]
        + arguments,
      timeout: .seconds(120)
    )
  }

  @Test func replayMissionPlaysTheHelloWorldMissionAndGetMissionStateReadsIt() async throws {
    let replayExample = try await Self.example("replay_mission/replay_mission.py")
    let stateExample = try await Self.example("get_mission_state/get_mission_state.py")
    try await Port443.withLock {
      let data = TemporaryFiles.temporaryDirectory("spot-sim-443")
      defer { TemporaryFiles.remove(data) }
      let sim = try ChildProcess(
        try TestEnvironment.executable("spot-sim"),
        ["--port", "443", "--data-dir", data, "--power-transition-seconds", "0.2"]
      )
      try await sim.waitForOutput("Listening on 127.0.0.1:443")

      let venv = try await ThrowawayVenv.make()
      defer { venv.remove() }
      let trusted = try await ChildProcess.run(
        try TestEnvironment.executable("spot-sim"),
        ["trust-python", venv.path, "--data-dir", data]
      )
      #expect(trusted.status == 0, "\(trusted.stderr)")

      let service = try ChildProcess(
        try TestEnvironment.executable("hello-world-mission-service"),
        [
          "robot", "--host-ip", "127.0.0.1", "--port", "0", "--robot-ca", data + "/ca.pem",
          "--username", "user", "--password", "password", "127.0.0.1",
        ]
      )
      try await service.waitForOutput("Starting directory registration loop", inStderr: true)
      let mission = try await MissionFiles.helloWorld(userString: "Spot")

      let replay = try await Self.runExample(venv, replayExample, ["127.0.0.1", "simple", mission])
      #expect(replay.status == 0, "\(replay.stdout)\n\(replay.stderr)")
      let output = replay.stdout + replay.stderr
      #expect(output.contains("Mission status = STATUS_SUCCESS"), "\(output)")
      let greeting = try await service.waitForOutput("Hello Spot!", inStderr: true)
      #expect(greeting.contains("EstablishSession"))

      let state = try await Self.runExample(venv, stateExample, ["127.0.0.1"])
      #expect(state.status == 0, "\(state.stderr)")
      #expect((state.stdout + state.stderr).contains("status: STATUS_SUCCESS"), "\(state.stderr)")

      service.signal(SIGINT)
      _ = try await service.waitForExit()
      sim.signal(SIGTERM)
      #expect(try await sim.waitForExit() == 0, "\(sim.stderr)")
    }
  }
}
