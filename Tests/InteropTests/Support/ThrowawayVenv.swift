import Foundation
import TestSupport

/// A Python virtual environment of a test's own, for tests that change bosdyn-client's files
/// (`spot-sim trust-python`): `bosdyn` is copied from the peer's venv, every other package is
/// reached through a `.pth` file, so making one takes a second, needs no network, and the
/// shared peer is never touched.
struct ThrowawayVenv {
  /// The venv's directory.
  let path: String
  /// The peer's `robot.pem`, for comparing.
  let peerBundle: String

  var python: String { self.path + "/bin/python" }

  /// The venv's own copy of bosdyn-client's CA bundle.
  var bundle: String {
    get throws {
      let library = self.path + "/lib"
      guard
        let version = try FileManager.default.contentsOfDirectory(atPath: library).first(where: {
          $0.hasPrefix("python")
        })
      else { throw TestEnvironment.SetupError("No lib/python* in \(self.path)") }
      return "\(library)/\(version)/site-packages/bosdyn/client/resources/robot.pem"
    }
  }

  /// Creates the venv; with `bosdyn: false`, a venv without bosdyn-client.
  static func make(bosdyn: Bool = true) async throws -> ThrowawayVenv {
    let python = try TestEnvironment.python
    let located = try await ChildProcess.run(
      python,
      ["-c", "import bosdyn.client, os; print(os.path.dirname(os.path.dirname(bosdyn.__file__)))"]
    )
    guard located.status == 0 else {
      throw TestEnvironment.SetupError("Cannot find the peer's bosdyn: \(located.stderr)")
    }
    let peerSite = located.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let path = TemporaryFiles.temporaryDirectory("venv")
    let created = try await ChildProcess.run(python, ["-m", "venv", "--without-pip", path])
    guard created.status == 0 else {
      throw TestEnvironment.SetupError("python -m venv failed: \(created.stderr)")
    }
    let venv = ThrowawayVenv(
      path: path,
      peerBundle: peerSite + "/bosdyn/client/resources/robot.pem"
    )
    let site = try venv.bundle.components(separatedBy: "/bosdyn/").first!
    if bosdyn {
      try FileManager.default.copyItem(atPath: peerSite + "/bosdyn", toPath: site + "/bosdyn")
      try (peerSite + "\n").write(toFile: site + "/peer.pth", atomically: false, encoding: .utf8)
    }
    return venv
  }

  func remove() {
    TemporaryFiles.remove(self.path)
  }
}
