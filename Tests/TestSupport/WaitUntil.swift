/// Why ``eventually(_:timeout:pollEvery:_:)`` gave up.
public struct WaitTimedOut: Error, CustomStringConvertible {
  /// What was being waited for.
  public let what: String
  /// How long the wait lasted.
  public let timeout: Duration
  /// The last error the probe threw, if any.
  public let lastError: (any Error)?

  public var description: String {
    "Timed out after \(self.timeout) waiting for \(self.what)"
      + (self.lastError.map { "; last error: \($0)" } ?? "")
  }
}

/// Polls `probe` until it returns a value: the one place tests wait on real time, for what only
/// a real process or socket can tell (a child process's output, a connection coming back, a
/// keep-alive's next call). The limit is generous so a loaded machine never fails a correct
/// test; no test sleeps a fixed time and hopes.
///
/// - Parameters:
///   - what: Names the condition in the error.
///   - timeout: How long to keep polling.
///   - pollEvery: The pause between polls.
///   - probe: Returns the value once there is one; errors it throws count as "not yet".
/// - Returns: The first value `probe` returned.
/// - Throws: ``WaitTimedOut`` naming `what` and the last error `probe` threw.
public func eventually<Value>(
  _ what: String,
  timeout: Duration = .seconds(20),
  pollEvery: Duration = .milliseconds(20),
  _ probe: () async throws -> Value?
) async throws -> Value {
  let deadline = ContinuousClock.now + timeout
  var lastError: (any Error)?
  while true {
    do {
      if let value = try await probe() { return value }
    } catch is CancellationError {
      throw CancellationError()
    } catch {
      lastError = error
    }
    guard ContinuousClock.now < deadline else {
      throw WaitTimedOut(what: what, timeout: timeout, lastError: lastError)
    }
    try await Task.sleep(for: pollEvery)
  }
}

/// Polls `condition` until it holds; see ``eventually(_:timeout:pollEvery:_:)``.
public func waitUntil(
  _ what: String,
  timeout: Duration = .seconds(20),
  pollEvery: Duration = .milliseconds(20),
  _ condition: () async throws -> Bool
) async throws {
  try await eventually(what, timeout: timeout, pollEvery: pollEvery) {
    try await condition() ? () : nil
  }
}
