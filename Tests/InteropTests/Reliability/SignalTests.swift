import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Every program ends on SIGINT/SIGTERM whatever it is doing, and says clearly when it cannot
/// trust the robot.
@Suite("Signals in every state, certificate errors")
struct SignalTests {
  /// A robot-mode service started against a port where nothing listens: it keeps retrying the
  /// log-in until signalled.
  private func startAgainstNoRobot(_ program: String) async throws -> ChildProcess {
    let port = try FaultPolling.freePort()
    let data = TemporaryFiles.temporaryDirectory("signal-ca")
    // Any CA will do: the robot is never reached.
    try await TestRobot.with { robot in
      try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
      try FileManager.default.copyItem(atPath: robot.caPath, toPath: data + "/ca.pem")
    }
    let credentials = ["--robot-ca", data + "/ca.pem", "--username", "user", "--password", "pw"]
    let arguments: [String] =
      program == "hello-world-mission-service"
      ? ["robot", "--host-ip", "127.0.0.1", "--port", "0"] + credentials + ["127.0.0.1:\(port)"]
      : ["127.0.0.1:\(port)", "--host-ip", "127.0.0.1", "--port", "0"] + credentials
    let child = try ChildProcess(try TestEnvironment.executable(program), arguments)
    try await child.waitForOutput("Cannot reach the robot", inStderr: true)
    return child
  }

  @Test(arguments: [
    ("hello-world-mission-service", SIGTERM), ("hello-world-mission-service", SIGINT),
    ("power-off-mission-service", SIGTERM), ("power-off-mission-service", SIGINT),
  ])
  func aServiceRetryingItsLogInEndsOnASignal(program: String, signal: Int32) async throws {
    let child = try await self.startAgainstNoRobot(program)
    child.signal(signal)
    // It used to ignore signals here until killed; now it ends at once (the bound is generous).
    let status = try await child.waitForExit(timeout: .seconds(10))
    #expect(status == 0, "\(child.stderr)")
    #expect(child.stderr.contains("Shutting down the server."), "\(child.stderr)")
  }

  @Test(arguments: [["bosdyn"], ["remote-mission-client", "--hello-world", "robot"]])
  func aClientEndsOnSIGINTMidCallEvenWhenStartedWithSIGINTIgnored(program: [String]) async throws {
    // A robot that accepts the connection and never answers: bosdyn waits in its handshake.
    let silent = try ChildProcess(
      try TestEnvironment.python,
      [
        "-c",
        """
        import socket, sys, time
        server = socket.socket()
        server.bind(('127.0.0.1', 0))
        server.listen()
        print(server.getsockname()[1], flush=True)
        connection, _ = server.accept()
        print('accepted', flush=True)
        time.sleep(60)
        """,
      ]
    )
    try await waitUntil("the silent robot's port") {
      Int(silent.stdout.split(separator: "\n").first ?? "") != nil
    }
    let port = String(silent.stdout.split(separator: "\n")[0])
    let ca = try await TestRobot.with { robot in
      try String(contentsOfFile: robot.caPath, encoding: .utf8)
    }
    let caPath = TemporaryFiles.temporaryDirectory("silent-ca") + ".pem"
    try ca.write(toFile: caPath, atomically: true, encoding: .utf8)
    // A script's background job starts with SIGINT ignored (POSIX): `trap "" INT` does the same.
    let credentials = ["--robot-ca", caPath, "--username", "user", "--password", "password"]
    let client = try ChildProcess(
      "/bin/sh",
      ["-c", #"trap "" INT; exec "$0" "$@""#, try TestEnvironment.executable(program[0])]
        + program.dropFirst()
        + (program[0] == "bosdyn"
          ? credentials + ["127.0.0.1:\(port)", "id"] : ["127.0.0.1:\(port)"] + credentials)
    )
    try await silent.waitForOutput("accepted")
    client.signal(SIGINT)
    let status = try await client.waitForExit(timeout: .seconds(10))
    // Both trap the signal, close the connection and say why they stopped.
    #expect(status == 128 + SIGINT, "\(client.stderr)")
    #expect(client.stderr.contains("Interrupted by SIGINT"), "\(client.stderr)")
    silent.signal(SIGKILL)
  }

  @Test func replayMissionEndsOnSIGINTWhileReadingAWalkEvenWhenStartedWithSIGINTIgnored()
    async throws
  {
    let directory = TemporaryFiles.temporaryDirectory("slow-walk")
    defer { TemporaryFiles.remove(directory) }
    let built = try await ChildProcess.run(
      try TestEnvironment.executable("build-walk"),
      [directory, "--callback", "hello-world-callback"]
    )
    #expect(built.status == 0, "\(built.stderr)")
    // A snapshot of two million small objects (the official protobuf writes it): seconds of
    // parsing for the debug build, the window in which the signal arrives.
    let fattened = try await ChildProcess.run(
      try TestEnvironment.python,
      [
        "-c",
        """
        import sys
        from bosdyn.api.graph_nav import map_pb2
        snapshot = map_pb2.WaypointSnapshot(id='snapshot-waypoint-0')
        for index in range(2_000_000):
            snapshot.objects.add(id=index, name='x')
        open(sys.argv[1], 'wb').write(snapshot.SerializeToString())
        """,
        directory + "/waypoint_snapshots/snapshot-waypoint-0",
      ]
    )
    #expect(fattened.status == 0, "\(fattened.stderr)")
    // A script's background job starts with SIGINT ignored (POSIX): `trap "" INT` does the same.
    let replay = try ChildProcess(
      "/bin/sh",
      [
        "-c", #"trap "" INT; exec "$0" "$@""#, try TestEnvironment.executable("replay-mission"),
        "127.0.0.1:1", "--username", "user", "--password", "password", "--robot-ca", "/dev/null",
        "autowalk", "--walk-directory", directory, "--walk-filename", "autogenerated.walk",
      ]
    )
    // SIGINT back at its default action (neither ignored nor caught): the files are being
    // read. Before, it stayed ignored until the robot was reached, and the signal was lost.
    let proc = "/proc/\(replay.process.processIdentifier)"
    try await waitUntil("replay-mission restores SIGINT's default action") {
      // The shell before its `trap` has SIGINT at its default too: only the program counts.
      let command = try? String(contentsOfFile: proc + "/comm", encoding: .utf8)
      guard command?.trimmingCharacters(in: .whitespacesAndNewlines) == "replay-mission",
        let text = try? String(contentsOfFile: proc + "/status", encoding: .utf8)
      else { return false }
      func mask(_ name: String) -> UInt64? {
        text.split(separator: "\n").first { $0.hasPrefix(name + ":") }
          .flatMap {
            UInt64($0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces), radix: 16)
          }
      }
      let bit = UInt64(1) << (SIGINT - 1)
      guard let ignored = mask("SigIgn"), let caught = mask("SigCgt") else { return false }
      return ignored & bit == 0 && caught & bit == 0
    }
    replay.signal(SIGINT)
    let exit = try await replay.waitForExit(timeout: .seconds(3))
    #expect(exit == SIGINT, "ended by the signal while reading: \(replay.stderr)")
    #expect(!replay.stdout.contains("Replaying"), "it never went on: \(replay.stdout)")
  }

  @Test func aRobotWhoseCertificateOtherCASignedIsAClearFatalError() async throws {
    try await TestRobot.with { robot in
      try await TestRobot.with { other in
        let run = try await ChildProcess.run(
          try TestEnvironment.executable("hello-world-mission-service"),
          [
            "robot", "--host-ip", "127.0.0.1", "--port", "0", "--robot-ca", other.caPath,
            "--username", "user", "--password", "password", robot.address,
          ],
          timeout: .seconds(20)
        )
        #expect(run.status != 0)
        #expect(
          run.stderr.contains("TLS certificate verification failed for auth.spot.robot"),
          "\(run.stderr)"
        )
        #expect(run.stderr.contains("not signed by the CA this client trusts"), "\(run.stderr)")
        #expect(!run.stderr.contains("retrying"), "a configuration error is not retried")
      }
    }
  }

  @Test func theClientSaysTheCertificateFailedNotThatTheServerClosedTheConnection() async throws {
    try await TestRobot.with { robot in
      try await TestRobot.with { other in
        let run = try await ChildProcess.run(
          try TestEnvironment.executable("bosdyn"),
          [
            "--robot-ca", other.caPath, "--username", "user", "--password", "password",
            robot.address, "dir", "list",
          ],
          timeout: .seconds(20)
        )
        #expect(run.status != 0)
        #expect(run.stderr.contains("TLS certificate verification failed"), "\(run.stderr)")
        #expect(!run.stderr.contains("HTTP/2 connection preface"), "\(run.stderr)")
      }
    }
  }
}
