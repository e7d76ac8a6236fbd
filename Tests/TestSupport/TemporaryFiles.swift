import Foundation

/// Temporary directories for a test's files (a simulated robot's data, a walk, a mission).
public enum TemporaryFiles {
  /// A new path under the system's temporary directory, not yet created.
  public static func temporaryDirectory(_ prefix: String) -> String {
    FileManager.default.temporaryDirectory
      .appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
  }

  /// Removes `path` and everything under it, if it exists.
  public static func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}
