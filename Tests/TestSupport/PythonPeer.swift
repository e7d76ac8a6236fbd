public import Foundation

/// The official Python SDK (bosdyn-client, bosdyn-mission 5.2.0) as the tests' independent
/// peer: where its interpreter is, and how to run a short script with it.
///
/// `Scripts/test.sh` installs the SDK into the package's `.venv` and sets
/// `BOSDYN_TEST_PYTHON`; run bare, the tests fall back to `.venv/bin/python`. Every test that
/// needs the peer fails without it, with ``requirePython()``'s hint: the peer is part of the
/// suite, and a skipped differential test would pass silently.
public enum PythonPeer {
  /// The package's root directory (this file is `Tests/TestSupport/PythonPeer.swift`).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The interpreter to run, or `nil` when neither `BOSDYN_TEST_PYTHON` nor `.venv` has one.
  public static var python: String? {
    let path =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_PYTHON"]
      ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  /// The interpreter, or an error telling how to install it.
  public static func requirePython() throws -> String {
    guard let python = self.python else {
      throw ChildProcess.Failure(
        "No Python peer (BOSDYN_TEST_PYTHON or .venv/bin/python): run Scripts/test.sh, which "
          + "installs bosdyn-client 5.2.0"
      )
    }
    return python
  }

  /// Runs the Python source `script` (as `python -c`) with `arguments`, `stdin` as standard
  /// input, and returns its exit status and output; polls, so it never blocks the
  /// concurrency pool a server under test runs on.
  ///
  /// - Throws: When there is no interpreter, or the script outlives `timeout`.
  public static func run(
    _ script: String,
    arguments: [String] = [],
    stdin: String = "",
    timeout: Duration = .seconds(60)
  ) async throws -> (status: Int32, stdout: String, stderr: String) {
    try await ChildProcess.run(
      try self.requirePython(),
      ["-c", script] + arguments,
      stdin: stdin,
      timeout: timeout
    )
  }

  /// Starts the Python source `script` (as `python -c`) with `arguments`, for a test that
  /// talks to it while it runs.
  ///
  /// - Throws: When there is no interpreter or it cannot start.
  public static func start(_ script: String, arguments: [String] = []) throws -> ChildProcess {
    try ChildProcess(try self.requirePython(), ["-c", script] + arguments)
  }
}
