import Foundation
import Testing
import TestSupport

/// Where the tests find the Python peer and the built executables.
///
/// `Scripts/test.sh` sets both variables; run bare, the tests look in the package's `.venv`
/// and `.build/debug`, and fail with a hint when the Python peer is missing.
enum TestEnvironment {
  static let packageRoot: URL = PythonPeer.packageRoot

  static var python: String {
    get throws { try PythonPeer.requirePython() }
  }

  static func executable(_ name: String) throws -> String {
    let directory =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_BIN"]
      ?? packageRoot.appendingPathComponent(".build/debug").path
    let path = directory + "/" + name
    guard FileManager.default.isExecutableFile(atPath: path) else {
      throw SetupError("No \(name) in \(directory): run Scripts/test.sh (it builds everything)")
    }
    return path
  }

  static func script(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/InteropTests/Python/\(name)").path
  }

  /// What went wrong preparing or running a test's programs: the same error the shared
  /// `ChildProcess` throws.
  typealias SetupError = ChildProcess.Failure
}
