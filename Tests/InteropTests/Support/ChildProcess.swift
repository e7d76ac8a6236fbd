import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A program the test starts, with its output captured in files so the test can wait for a
/// line without racing pipes. Killed when the test forgets it.
final class ChildProcess: @unchecked Sendable {
  let process = Process()
  let stdoutURL: URL
  let stderrURL: URL
  private let stdinPipe = Pipe()

  init(_ executable: String, _ arguments: [String]) throws {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bosdyn-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    self.stdoutURL = directory.appendingPathComponent("stdout")
    self.stderrURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: self.stdoutURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: self.stderrURL.path, contents: nil)
    self.process.executableURL = URL(fileURLWithPath: executable)
    self.process.arguments = arguments
    self.process.standardOutput = try FileHandle(forWritingTo: self.stdoutURL)
    self.process.standardError = try FileHandle(forWritingTo: self.stderrURL)
    self.process.standardInput = self.stdinPipe
    try self.process.run()
  }

  deinit {
    if self.process.isRunning {
      self.process.terminate()
    }
  }

  var stdout: String { (try? String(contentsOf: self.stdoutURL, encoding: .utf8)) ?? "" }
  var stderr: String { (try? String(contentsOf: self.stderrURL, encoding: .utf8)) ?? "" }

  /// Waits until standard output or error contains `text`; fails after `timeout`.
  @discardableResult
  func waitForOutput(
    _ text: String,
    inStderr: Bool = false,
    timeout: Duration = .seconds(20)
  ) async throws -> String {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      let output = inStderr ? self.stderr : self.stdout
      if output.contains(text) { return output }
      if !self.process.isRunning {
        let output = inStderr ? self.stderr : self.stdout
        if output.contains(text) { return output }
        break
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    throw TestEnvironment.SetupError(
      "'\(text)' never appeared. stdout:\n\(self.stdout)\nstderr:\n\(self.stderr)"
    )
  }

  /// Waits for the process to exit and returns its exit status; fails after `timeout`.
  func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while self.process.isRunning {
      if ContinuousClock.now > deadline {
        self.process.terminate()
        throw TestEnvironment.SetupError(
          "Process did not exit. stdout:\n\(self.stdout)\nstderr:\n\(self.stderr)"
        )
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    return self.process.terminationStatus
  }

  /// Sends a signal, such as `SIGTERM`.
  func signal(_ signal: Int32) {
    kill(self.process.processIdentifier, signal)
  }

  /// Closes standard input, which the Python helper servers take as "stop".
  func closeStdin() {
    try? self.stdinPipe.fileHandleForWriting.close()
  }

  /// Runs a program to completion and returns its exit status and output.
  static func run(
    _ executable: String,
    _ arguments: [String],
    timeout: Duration = .seconds(60)
  ) async throws -> (status: Int32, stdout: String, stderr: String) {
    let child = try ChildProcess(executable, arguments)
    child.closeStdin()
    let status = try await child.waitForExit(timeout: timeout)
    return (status, child.stdout, child.stderr)
  }
}
