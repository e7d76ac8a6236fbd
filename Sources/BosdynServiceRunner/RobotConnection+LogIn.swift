public import BosdynRobot
import BosdynCore
import Logging

extension RobotConnection {
  /// Logs in, retrying while the robot cannot be reached, so a service started before its
  /// robot (or while the robot reboots) comes up by itself instead of crashing as the Python
  /// examples do.
  ///
  /// Refused credentials are not retried: they will not get better.
  ///
  /// - Parameters:
  ///   - credentials: Who to log in as.
  ///   - retryInterval: How long to wait between attempts.
  /// - Throws: The auth error when the robot refuses the credentials, or `CancellationError`.
  public func logIn(_ credentials: RobotCredentials, retryInterval: Duration = .seconds(1))
    async throws
  {
    let loggedIn = try await RetryLoop(retryInterval: retryInterval, warnEvery: 10).run(
      isRetryable: { ($0 as? ClientError)?.code.isRetryable ?? false },
      onFailure: { error, _, warn in
        if warn {
          self.logger.warning(
            "Cannot reach the robot at \(self.address) to log in (\(error)); retrying every \(retryInterval)."
          )
        }
      },
      onRecovery: { failures in
        self.logger.info("Logged in to \(self.address) after \(failures) failed attempts.")
      }
    ) {
      try await self.authenticate(credentials)
      return nil
    }
    // Stopped by a signal or cancellation before the robot answered.
    guard loggedIn else { throw CancellationError() }
  }
}
