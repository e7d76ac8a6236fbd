import Foundation
import TestSupport

#if canImport(Glibc)
  import Glibc
#endif

/// Port 443, where Boston Dynamics' examples connect: one machine has one, so every test that
/// listens there, in this process or in another checkout's test run, takes this lock first.
enum Port443 {
  static let lockPath = NSTemporaryDirectory() + "/spot-remote-mission-swift-port-443.lock"

  /// Runs `body` holding the machine-wide lock on port 443.
  static func withLock<Result>(_ body: () async throws -> Result) async throws -> Result {
    let descriptor = open(Self.lockPath, O_CREAT | O_RDWR, 0o666)
    guard descriptor >= 0 else {
      throw TestEnvironment.SetupError("Cannot open \(Self.lockPath)")
    }
    defer { close(descriptor) }
    // Polled, not blocking: a blocked thread would starve the servers under test.
    try await waitUntil("the port 443 lock (\(Self.lockPath))", timeout: .seconds(600)) {
      flock(descriptor, LOCK_EX | LOCK_NB) == 0
    }
    defer { flock(descriptor, LOCK_UN) }
    return try await body()
  }
}
