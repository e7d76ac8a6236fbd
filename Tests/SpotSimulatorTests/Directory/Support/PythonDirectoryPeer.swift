import Foundation
import Testing

/// The official Python SDK as a test peer for the directory, auth, robot id and time-sync
/// services: `BOSDYN_TEST_PYTHON`, else the package's `.venv`; the tests that need it are
/// disabled when neither exists.
enum PythonDirectoryPeer {
  static var python: String? {
    let packageRoot = URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let path =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_PYTHON"]
      ?? packageRoot.appendingPathComponent(".venv/bin/python").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  /// A running Python script with its output in files, so the test can wait for a line.
  final class Run: @unchecked Sendable {
    let process = Process()
    let stdoutURL: URL
    let stderrURL: URL

    init(python: String, script: String, arguments: [String]) throws {
      let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("spot-sim-python-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      self.stdoutURL = directory.appendingPathComponent("stdout")
      self.stderrURL = directory.appendingPathComponent("stderr")
      _ = FileManager.default.createFile(atPath: self.stdoutURL.path, contents: nil)
      _ = FileManager.default.createFile(atPath: self.stderrURL.path, contents: nil)
      self.process.executableURL = URL(fileURLWithPath: python)
      self.process.arguments = ["-c", script] + arguments
      self.process.standardOutput = try FileHandle(forWritingTo: self.stdoutURL)
      self.process.standardError = try FileHandle(forWritingTo: self.stderrURL)
      self.process.standardInput = FileHandle.nullDevice
      try self.process.run()
    }

    deinit {
      if self.process.isRunning { self.process.terminate() }
    }

    var stdout: String { (try? String(contentsOf: self.stdoutURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: self.stderrURL, encoding: .utf8)) ?? "" }

    /// Waits until standard output contains `text`.
    func waitForOutput(_ text: String, timeout: Duration = .seconds(30)) async throws {
      let deadline = ContinuousClock.now + timeout
      while ContinuousClock.now < deadline {
        if self.stdout.contains(text) { return }
        if !self.process.isRunning { break }
        try await Task.sleep(for: .milliseconds(20))
      }
      if self.stdout.contains(text) { return }
      throw Failure("'\(text)' never appeared.\nstdout:\n\(self.stdout)\nstderr:\n\(self.stderr)")
    }

    /// Waits for the script to exit and returns its status.
    func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
      let deadline = ContinuousClock.now + timeout
      while self.process.isRunning {
        if ContinuousClock.now > deadline {
          self.process.terminate()
          throw Failure(
            "The script did not exit.\nstdout:\n\(self.stdout)\nstderr:\n\(self.stderr)"
          )
        }
        try await Task.sleep(for: .milliseconds(20))
      }
      return self.process.terminationStatus
    }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
  }
}
