import ServiceLifecycle

/// The loop every background job of this package runs: try something, wait, try again, until
/// the task is cancelled or its service group shuts down gracefully; after a failure wait the
/// retry interval instead, and warn on the first failure and every so often after, not on
/// each.
///
/// Lease, registration and time-sync keep-alives and the log-in retry all run in one, so they
/// stop on SIGINT/SIGTERM the same way, promptly, whatever they are waiting for.
///
/// ```swift
/// let loop = RetryLoop(retryInterval: .seconds(1), warnEvery: 30)
/// try await loop.run(onFailure: { error, failures, warn in
///   if warn { logger.warning("Check-in failed (\(failures)x): \(error)") }
/// }) {
///   try await client.retain(lease)
///   return .seconds(1)  // wait before the next attempt; `nil` ends the loop
/// }
/// ```
public struct RetryLoop: Sendable {
  /// How long to wait after a failed attempt.
  public var retryInterval: Duration
  /// Failures are reported for warning on the first and on every `warnEvery`-th.
  public var warnEvery: Int

  /// Creates a loop.
  public init(retryInterval: Duration, warnEvery: Int = 30) {
    self.retryInterval = retryInterval
    self.warnEvery = max(1, warnEvery)
  }

  /// Runs `attempt` until it returns `nil`, or until the task is cancelled or the service
  /// group shuts down gracefully.
  ///
  /// - Parameters:
  ///   - clock: What the waits are measured on.
  ///   - isRetryable: Whether a thrown error is a failure to retry; any other error ends the
  ///     loop and is rethrown.
  ///   - onFailure: Told each failure, how many in a row, and whether this one is worth a
  ///     warning.
  ///   - onRecovery: Told how many failures in a row ended with a success.
  ///   - attempt: One try; returns how long to wait before the next one, or `nil` when done.
  /// - Returns: `true` when `attempt` finished, `false` when the loop was stopped first.
  /// - Throws: An error `isRetryable` refused.
  @discardableResult
  public func run(
    clock: any Clock<Duration> = ContinuousClock(),
    isRetryable: (any Error) -> Bool = { _ in true },
    onFailure: (_ error: any Error, _ failures: Int, _ warn: Bool) async -> Void,
    onRecovery: (_ failures: Int) -> Void = { _ in },
    _ attempt: @escaping @Sendable () async throws -> Duration?
  ) async throws -> Bool {
    var failures = 0
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      let wait: Duration
      do {
        // An attempt in flight (a log-in to a robot that does not answer) is cut short by a
        // graceful shutdown too, not only the wait between attempts.
        let next = try await cancelWhenGracefulShutdown { try await attempt() }
        if failures > 0 { onRecovery(failures) }
        failures = 0
        guard let next else { return true }
        wait = next
      } catch  where Task.isCancelled || Task.isShuttingDownGracefully {
        return false
      } catch  where isRetryable(error) && !(error is CancellationError) {
        failures += 1
        await onFailure(error, failures, failures == 1 || failures % self.warnEvery == 0)
        wait = self.retryInterval
      }
      do {
        try await cancelWhenGracefulShutdown { try await clock.sleep(for: wait) }
      } catch {
        return false
      }
    }
    return false
  }
}
