import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// The document's command lines, run as a new user would run them.
@Suite("The document's programs")
struct ExecutableTests {
  /// Starts `hello-world-mission-service [FLAGS] local --port 0` and returns it with its port.
  private func startHelloWorld(_ flags: [String] = []) async throws -> (ChildProcess, Int) {
    let server = try ChildProcess(
      try TestEnvironment.executable("hello-world-mission-service"),
      flags + ["local", "--port", "0", "--bind", "127.0.0.1"]
    )
    let output = try await server.waitForOutput("Ctrl + C to shutdown.")
    let match = try #require(output.firstMatch(of: #/listening on port (\d+)\./#))
    return (server, try #require(Int(match.1)))
  }

  @Test func helloWorldPrintsTheDocumentsLinesAndGreets() async throws {
    let (server, port) = try await self.startHelloWorld()
    let stdout = server.stdout
    #expect(stdout.hasSuffix("hello-world-callback service running.\nCtrl + C to shutdown.\n"))
    let started = try await server.waitForOutput(
      "Started the HelloWorldServicer server.",
      inStderr: true
    )
    #expect(
      started.firstMatch(
        of:
          #/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3} - INFO - Started the HelloWorldServicer server\./#
      ) != nil
    )

    let client = try TestEnvironment.executable("remote-mission-client")
    let plain = try await ChildProcess.run(
      client,
      ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "\(port)"]
    )
    #expect(plain.status == 0, "\(plain.stderr)")
    #expect(plain.stdout == "Servicer stopped with status STATUS_SUCCESS\n")

    let spot = try await ChildProcess.run(
      client,
      [
        "--hello-world", "--user-string", "Spot", "local", "--host-ip", "127.0.0.1", "--port",
        "\(port)",
      ]
    )
    #expect(spot.status == 0, "\(spot.stderr)")
    #expect(spot.stdout == "Servicer stopped with status STATUS_SUCCESS\n")

    let log = try await server.waitForOutput("Hello Spot!", inStderr: true)
    let messages = log.split(separator: "\n").compactMap { line in
      line.split(separator: " - ", maxSplits: 2).last.map(String.init)
    }
    #expect(
      messages == [
        "Started the HelloWorldServicer server.",
        "EstablishSession unimplemented!", "Hello World!", "Stop unimplemented!",
        "TeardownSession unimplemented!",
        "EstablishSession unimplemented!", "Hello Spot!", "Stop unimplemented!",
        "TeardownSession unimplemented!",
      ]
    )

    server.signal(SIGINT)
    #expect(try await server.waitForExit() == 0)
  }

  /// The document's command line, `--hello-options` given in both spellings argparse accepts:
  /// the options are suggestions (`who` is editable, as in Boston Dynamics' example), so a
  /// name outside them is greeted with and without `--coerce`, and a default outside them
  /// is a valid spec.
  @Test func theDocumentsCustomizationCommandLineGreetsAnyName() async throws {
    let options = [
      "--display-name", "Hello to:", "--default-name", "Nobody", "--hello-option", "World",
      "--hello-option", "Everyone", "--hello-options", "Scout",
    ]
    let client = try TestEnvironment.executable("remote-mission-client")
    let spot = ["--hello-world", "--user-string", "Spot", "local", "--host-ip", "127.0.0.1"]
    for extra in [["--coerce"], []] {
      let (server, port) = try await self.startHelloWorld(options + extra)
      let greeted = try await ChildProcess.run(client, spot + ["--port", "\(port)"])
      #expect(greeted.status == 0, "\(greeted.stderr)")
      #expect(greeted.stdout == "Servicer stopped with status STATUS_SUCCESS\n")
      try await server.waitForOutput("Hello Spot!", inStderr: true)
      server.signal(SIGINT)
      #expect(try await server.waitForExit() == 0)
    }
  }

  @Test func theClientFailsClearlyOnAClosedPort() async throws {
    let (server, port) = try await self.startHelloWorld()
    server.signal(SIGTERM)
    let status = try await server.waitForExit()
    #expect(status == 0, "stderr: \(server.stderr)")

    let result = try await ChildProcess.run(
      try TestEnvironment.executable("remote-mission-client"),
      ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "\(port)"]
    )
    #expect(result.status != 0)
    #expect(result.stderr.contains("unavailable"), "\(result.stderr)")
    #expect(!result.stderr.contains("Usage:"))
  }

  @Test func sigtermWhileTickingExitsZero() async throws {
    let (server, port) = try await self.startHelloWorld()
    let ticker = try ChildProcess(
      try TestEnvironment.python,
      [TestEnvironment.script("tick_forever.py"), "127.0.0.1", "\(port)"]
    )
    try await ticker.waitForOutput("TICKING")
    server.signal(SIGTERM)
    #expect(try await server.waitForExit() == 0, "\(server.stderr)")
    try await ticker.waitForOutput("stopped after")
    #expect(try await ticker.waitForExit() == 0)
  }

  @Test func buildMissionWritesANodeThePythonSDKReads() async throws {
    let file = FileManager.default.temporaryDirectory
      .appendingPathComponent("mission-\(UUID().uuidString).pb").path
    let built = try await ChildProcess.run(
      try TestEnvironment.executable("build-mission"),
      [file, "--add-resources", "body,arm", "--user-string", "Spot"]
    )
    #expect(built.status == 0, "\(built.stderr)")

    let read = try await ChildProcess.run(
      try TestEnvironment.python,
      [TestEnvironment.script("read_mission.py"), file]
    )
    #expect(read.status == 0, "\(read.stderr)")
    let json = try lastJSONObject(read.stdout)
    #expect(json["service_name"] as? String == "hello-world-callback")
    #expect(json["host"] as? String == "localhost")
    #expect(json["lease_resources"] as? [String] == ["body", "arm"])
    #expect(json["inputs"] as? [String: String] == ["user-string": "Spot"])
  }

  @Test func buildMissionRefusesAnUnwritablePath() async throws {
    let built = try await ChildProcess.run(
      try TestEnvironment.executable("build-mission"),
      ["/nonexistent-dir/mission.pb"]
    )
    #expect(built.status != 0)
    #expect(built.stderr.contains("Cannot write /nonexistent-dir/mission.pb"))
  }
}
