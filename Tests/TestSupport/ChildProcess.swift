public import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A program a test starts (a built executable, a Python peer), with its output captured in
/// files so the test can wait for a line without racing pipes, and its standard input a pipe
/// the test can write to and close. Killed when the test forgets it.
///
/// Waiting polls instead of blocking, so a test never holds a thread of the concurrency pool
/// that the server under test needs.
public final class ChildProcess: @unchecked Sendable {
  /// Why a child did not do what the test waited for, with everything it printed.
  public struct Failure: Error, CustomStringConvertible {
    /// What was expected, then the child's standard output and error.
    public let description: String

    /// A failure described by `description`.
    public init(_ description: String) {
      self.description = description
    }
  }

  /// The running program, for its process identifier and exit status.
  public let process = Process()
  /// The file standard output goes to.
  public let stdoutURL: URL
  /// The file standard error goes to.
  public let stderrURL: URL
  private let stdinPipe = Pipe()

  /// Starts `executable` with `arguments`.
  ///
  /// - Throws: When the output files cannot be created or the program cannot start.
  public init(_ executable: String, _ arguments: [String]) throws {
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

  /// Everything written to standard output so far.
  public var stdout: String { (try? String(contentsOf: self.stdoutURL, encoding: .utf8)) ?? "" }
  /// Everything written to standard error so far.
  public var stderr: String { (try? String(contentsOf: self.stderrURL, encoding: .utf8)) ?? "" }

  /// Waits until standard output or error contains `text`; fails after `timeout`.
  @discardableResult
  public func waitForOutput(
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
    throw Failure(
      "'\(text)' never appeared. stdout:\n\(self.stdout)\nstderr:\n\(self.stderr)"
    )
  }

  /// Waits for the process to exit and returns its exit status; fails after `timeout`.
  public func waitForExit(timeout: Duration = .seconds(30)) async throws -> Int32 {
    let deadline = ContinuousClock.now + timeout
    while self.process.isRunning {
      if ContinuousClock.now > deadline {
        self.process.terminate()
        throw Failure(
          "Process did not exit. stdout:\n\(self.stdout)\nstderr:\n\(self.stderr)"
        )
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    return self.process.terminationStatus
  }

  /// Sends a signal, such as `SIGTERM`.
  public func signal(_ signal: Int32) {
    kill(self.process.processIdentifier, signal)
  }

  /// Writes `text` to standard input (a script reading it all waits for ``closeStdin()``).
  public func writeStdin(_ text: String) throws {
    try self.stdinPipe.fileHandleForWriting.write(contentsOf: Data(text.utf8))
  }

  /// Closes standard input, which the Python helper servers take as "stop".
  public func closeStdin() {
    try? self.stdinPipe.fileHandleForWriting.close()
  }

  /// Runs a program to completion and returns its exit status and output.
  public static func run(
    _ executable: String,
    _ arguments: [String],
    stdin: String = "",
    timeout: Duration = .seconds(60)
  ) async throws -> (status: Int32, stdout: String, stderr: String) {
    let child = try ChildProcess(executable, arguments)
    if !stdin.isEmpty { try child.writeStdin(stdin) }
    child.closeStdin()
    let status = try await child.waitForExit(timeout: timeout)
    return (status, child.stdout, child.stderr)
  }
}
