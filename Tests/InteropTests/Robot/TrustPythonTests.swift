import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// `spot-sim trust-python VENV`: the official Python SDK, unmodified, trusts the simulator only
/// while the venv's bundle holds its CA, and Boston Dynamics' CA is never lost.
@Suite("spot-sim trust-python")
struct TrustPythonTests {
  /// Logs in with `Sdk.load_robot_cert()`'s default bundle, as Boston Dynamics' examples do.
  static let connect = """
    import sys, bosdyn.client
    sdk = bosdyn.client.create_standard_sdk('trust-python-test')
    sdk.load_robot_cert()
    robot = sdk.create_robot('127.0.0.1')
    robot.update_secure_channel_port(int(sys.argv[1]))
    try:
        robot.authenticate('user', 'password', timeout=10)
        print('CONNECTED', bosdyn.client.__file__)
    except Exception as error:
        print('REFUSED', type(error).__name__)
    """

  static func connect(_ venv: ThrowawayVenv, port: Int) async throws -> String {
    let result = try await ChildProcess.run(venv.python, ["-c", Self.connect, "\(port)"])
    guard result.status == 0 else {
      throw TestEnvironment.SetupError("The connect script failed: \(result.stderr)")
    }
    return result.stdout
  }

  static func trustPython(_ arguments: [String]) async throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    try await ChildProcess.run(
      try TestEnvironment.executable("spot-sim"),
      ["trust-python"] + arguments
    )
  }

  @Test func theUnmodifiedSDKTrustsTheSimulatorWhileTrustedAndKeepsBostonDynamicsCA()
    async throws
  {
    try await TestRobot.with { robot in
      let venv = try await ThrowawayVenv.make()
      defer { venv.remove() }
      let bundle = try venv.bundle
      let original = try String(contentsOfFile: bundle, encoding: .utf8)
      let peer = try String(contentsOfFile: venv.peerBundle, encoding: .utf8)
      #expect(original == peer)
      #expect(try await Self.connect(venv, port: robot.port).hasPrefix("REFUSED"))

      let trusted = try await Self.trustPython([venv.path, "--data-dir", robot.dataDirectory])
      #expect(trusted.status == 0, "\(trusted.stderr)")
      #expect(
        trusted.stdout
          == "Added spot-sim's CA (\(robot.caPath)) to \(bundle); Boston Dynamics' CA stays.\n"
      )
      let added = try String(contentsOfFile: bundle, encoding: .utf8)
      #expect(added.hasPrefix(original), "Boston Dynamics' CA is kept as it was")
      #expect(added.contains(try String(contentsOfFile: robot.caPath, encoding: .utf8)))
      let connected = try await Self.connect(venv, port: robot.port)
      #expect(connected.hasPrefix("CONNECTED \(venv.path)/"), "\(connected)")

      let again = try await Self.trustPython([venv.path, "--data-dir", robot.dataDirectory])
      #expect(again.status == 0)
      #expect(again.stdout == "\(bundle) already trusts \(robot.caPath).\n")
      #expect(try String(contentsOfFile: bundle, encoding: .utf8) == added, "idempotent")

      let removed = try await Self.trustPython([venv.path, "--remove"])
      #expect(removed.status == 0, "\(removed.stderr)")
      #expect(removed.stdout == "Removed spot-sim's CA from \(bundle).\n")
      #expect(try String(contentsOfFile: bundle, encoding: .utf8) == original)
      #expect(try await Self.connect(venv, port: robot.port).hasPrefix("REFUSED"))
      let removedAgain = try await Self.trustPython([venv.path, "--remove"])
      #expect(removedAgain.status == 0)
      #expect(removedAgain.stdout.contains("nothing to remove"))

      #expect(
        try String(contentsOfFile: venv.peerBundle, encoding: .utf8) == peer,
        "peer untouched"
      )
    }
  }

  @Test func whatItCannotChangeIsOneClearLine() async throws {
    try await TestRobot.with { robot in
      let plain = TemporaryFiles.temporaryDirectory("not-a-venv")
      try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)
      defer { TemporaryFiles.remove(plain) }
      let bare = try await ThrowawayVenv.make(bosdyn: false)
      defer { bare.remove() }
      let venv = try await ThrowawayVenv.make()
      defer { venv.remove() }
      let noCA = TemporaryFiles.temporaryDirectory("no-ca")
      let cases: [([String], String)] = [
        ([plain], "\(plain) is not a Python virtual environment (it has no pyvenv.cfg)"),
        ([bare.path], "\(bare.path) has no bosdyn-client"),
        ([venv.path, "--data-dir", noCA], "No simulator CA at \(noCA)/ca.pem"),
      ]
      for (arguments, message) in cases {
        let result = try await Self.trustPython(arguments)
        #expect(result.status == 1, "\(arguments)")
        #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      }

      // A bundle this user cannot write: root can write anything, so as root the command runs
      // as nobody (with a copy of the CA nobody can read).
      let bundle = try venv.bundle
      let original = try String(contentsOfFile: bundle, encoding: .utf8)
      let readable = TemporaryFiles.temporaryDirectory("readable-ca")
      try FileManager.default.createDirectory(atPath: readable, withIntermediateDirectories: true)
      defer { TemporaryFiles.remove(readable) }
      try FileManager.default.copyItem(atPath: robot.caPath, toPath: readable + "/ca.pem")
      #expect(chmod(readable + "/ca.pem", 0o644) == 0 && chmod(bundle, 0o444) == 0)
      let spotSim = try TestEnvironment.executable("spot-sim")
      let command = [spotSim, "trust-python", venv.path, "--data-dir", readable]
      let unwritable =
        geteuid() == 0
        ? try await ChildProcess.run(
          "/usr/bin/setpriv",
          ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + command
        )
        : try await ChildProcess.run(spotSim, Array(command.dropFirst()))
      #expect(unwritable.status == 1, "\(unwritable.stderr)")
      #expect(
        unwritable.stderr
          == "Cannot write \(bundle): Permission denied; run as the venv's owner.\n",
        "\(unwritable.stderr)"
      )
      #expect(try String(contentsOfFile: bundle, encoding: .utf8) == original)
    }
  }
}
