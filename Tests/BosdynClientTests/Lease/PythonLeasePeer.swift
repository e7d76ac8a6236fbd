import Foundation

/// Runs short Python programs against the installed bosdyn-client, the independent oracle for
/// the lease value logic. Found through `BOSDYN_TEST_PYTHON`, falling back to the package's
/// `.venv`; tests that need it are disabled when neither exists.
enum PythonLeasePeer {
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The interpreter, or `nil` when there is none to run.
  static var python: String? {
    let path =
      ProcessInfo.processInfo.environment["BOSDYN_TEST_PYTHON"]
      ?? self.packageRoot.appendingPathComponent(".venv/bin/python").path
    return FileManager.default.isExecutableFile(atPath: path) ? path : nil
  }

  static var isAvailable: Bool { self.python != nil }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Runs `script` with `input` as JSON on standard input and returns its JSON output.
  static func run(_ script: String, input: Any) throws -> Any {
    guard let python = self.python else { throw Failure(description: "no Python peer") }
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("bosdyn-lease-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let inputURL = directory.appendingPathComponent("input.json")
    let outputURL = directory.appendingPathComponent("output.json")
    let errorURL = directory.appendingPathComponent("stderr")
    try JSONSerialization.data(withJSONObject: input).write(to: inputURL)
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-c", script]
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    process.waitUntilExit()
    let output = try Data(contentsOf: outputURL)
    guard process.terminationStatus == 0 else {
      let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
      throw Failure(description: "python exited \(process.terminationStatus): \(stderr)")
    }
    return try JSONSerialization.jsonObject(with: output)
  }
}
