import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Ports: one program per port, and every port checked before anything listens or connects.
@Suite("Ports: in use, out of range")
struct PortTests {
  @Test func aSecondHelloWorldOnTheSamePortRefusesToStartAndTheFirstKeepsEveryCall() async throws {
    let executable = try TestEnvironment.executable("hello-world-mission-service")
    let first = try ChildProcess(executable, ["local", "--port", "0", "--bind", "127.0.0.1"])
    let output = try await first.waitForOutput("Ctrl + C to shutdown.")
    let port = try #require(
      output.firstMatch(of: #/listening on port (\d+)\./#).flatMap { Int($0.1) }
    )

    let second = try await ChildProcess.run(
      executable,
      ["local", "--port", "\(port)", "--bind", "127.0.0.1"],
      timeout: .seconds(20)
    )
    #expect(second.status != 0)
    #expect(second.stderr.contains("127.0.0.1:\(port): address already in use"), "\(second.stderr)")

    // Every call still reaches the first service.
    let client = try TestEnvironment.executable("remote-mission-client")
    for index in 0..<6 {
      let run = try await ChildProcess.run(
        client,
        [
          "--hello-world", "--user-string", "call\(index)", "local", "--host-ip", "127.0.0.1",
          "--port", "\(port)",
        ]
      )
      #expect(run.status == 0, "\(run.stderr)")
    }
    let log = try await first.waitForOutput("Hello call5!", inStderr: true)
    #expect((0..<6).allSatisfy { log.contains("Hello call\($0)!") })
    first.signal(SIGINT)
    #expect(try await first.waitForExit() == 0)
  }

  @Test func aSecondSpotSimOnTheSamePortRefusesToStart() async throws {
    let firstData = TemporaryFiles.temporaryDirectory("port-sim-1")
    let secondData = TemporaryFiles.temporaryDirectory("port-sim-2")
    defer {
      TemporaryFiles.remove(firstData)
      TemporaryFiles.remove(secondData)
    }
    let spotSim = try TestEnvironment.executable("spot-sim")
    let first = try ChildProcess(spotSim, ["--port", "0", "--data-dir", firstData])
    let listening = try await first.waitForOutput("Listening on 127.0.0.1:")
    let port = try #require(
      listening.firstMatch(of: #/Listening on 127\.0\.0\.1:(\d+)/#).flatMap { Int($0.1) }
    )
    let second = try await ChildProcess.run(
      spotSim,
      ["--port", "\(port)", "--data-dir", secondData],
      timeout: .seconds(20)
    )
    #expect(second.status != 0)
    #expect(second.stderr.contains("address already in use"), "\(second.stderr)")
    first.signal(SIGTERM)
    #expect(try await first.waitForExit() == 0)
  }

  @Test(arguments: [
    ("hello-world-mission-service", ["local", "--port", "99999"]),
    ("hello-world-mission-service", ["local", "--port", "-1"]),
    (
      "hello-world-mission-service",
      ["robot", "--host-ip", "127.0.0.1", "--port", "70000", "127.0.0.1:1"]
    ),
    ("power-off-mission-service", ["127.0.0.1:1", "--host-ip", "127.0.0.1", "--port", "99999"]),
    (
      "remote-mission-client",
      ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "99999"]
    ),
    ("remote-mission-client", ["--hello-world", "local", "--host-ip", "127.0.0.1", "--port", "0"]),
    ("spot-sim", ["--port", "65536"]),
  ])
  func anOutOfRangePortIsAUsageErrorNamingTheOption(program: String, arguments: [String])
    async throws
  {
    let run = try await ChildProcess.run(
      try TestEnvironment.executable(program),
      arguments,
      timeout: .seconds(20)
    )
    // ArgumentParser's usage errors exit 64 and name the option.
    #expect(run.status == 64, "\(run.stdout)\(run.stderr)")
    #expect(run.stderr.contains("--port"), "\(run.stderr)")
  }

  @Test(arguments: [
    (
      "hello-world-mission-service", ["robot", "--host-ip", "", "--port", "0", "127.0.0.1:1"],
      "--host-ip"
    ),
    (
      "hello-world-mission-service", ["robot", "--host-ip", "999.1.1.1", "127.0.0.1:1"], "--host-ip"
    ),
    ("power-off-mission-service", ["127.0.0.1:1", "--host-ip", "my-laptop"], "--host-ip"),
    ("power-off-mission-service", ["127.0.0.1:1", "--host-ip", "0.0.0.0"], "--host-ip"),
    ("hello-world-mission-service", ["robot", "--host-ip", "::", "127.0.0.1:1"], "--host-ip"),
    (
      "hello-world-mission-service", ["robot", "--host-ip", "::ffff:0.0.0.0", "127.0.0.1:1"],
      "--host-ip"
    ),
    ("power-off-mission-service", ["127.0.0.1:1", "--host-ip", "224.0.0.1"], "--host-ip"),
    ("hello-world-mission-service", ["local", "--bind", "localhost"], "--bind"),
    (
      "hello-world-mission-service",
      ["robot", "--host-ip", "127.0.0.1", "--bind", "localhost", "127.0.0.1:1"], "--bind"
    ),
  ])
  func anAddressThatIsNotAnIPAddressIsAUsageError(
    program: String,
    arguments: [String],
    option: String
  ) async throws {
    let run = try await ChildProcess.run(
      try TestEnvironment.executable(program),
      arguments,
      timeout: .seconds(20)
    )
    // Before, `--bind localhost` failed at bind time with NIO's raw "failedToParseIPString",
    // and a host name as --host-ip registered and failed at every proxied call.
    #expect(run.status == 64, "\(run.stderr)")
    #expect(run.stderr.contains("\(option) must"), "\(run.stderr)")
    #expect(!run.stderr.contains("failedToParseIPString"), "\(run.stderr)")
  }
}
