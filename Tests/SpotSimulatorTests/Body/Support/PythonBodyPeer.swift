import Foundation
import Testing

/// The official Python SDK as a test peer for the lease and body services:
/// `BOSDYN_TEST_PYTHON`, else the package's `.venv`; tests that need it are disabled when
/// neither exists.
enum PythonBodyPeer {
  static var python: String? {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let path =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_PYTHON"]
      ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  static var isAvailable: Bool { self.python != nil }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `script` with `arguments` and `stdin` as standard input, without blocking the
  /// concurrency pool (the server under test runs on it), and returns the exit status and
  /// output.
  static func run(
    _ script: String,
    arguments: [String] = [],
    stdin: String = "",
    timeout: Duration = .seconds(60)
  ) async throws -> (status: Int32, stdout: String, stderr: String) {
    guard let python = self.python else { throw Failure(description: "no Python peer") }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("spot-sim-body-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputURL = directory.appendingPathComponent("stdin")
    let outputURL = directory.appendingPathComponent("stdout")
    let errorURL = directory.appendingPathComponent("stderr")
    try Data(stdin.utf8).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script] + arguments
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline {
        process.terminate()
        break
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    process.waitUntilExit()
    let stdout = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, stdout, stderr)
  }
}
