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
    var attempts = 0
    while true {
      do {
        try await self.authenticate(credentials)
        if attempts > 0 {
          self.logger.info("Logged in to \(self.address) after \(attempts) failed attempts.")
        }
        return
      } catch let error as ClientError where error.code.isRetryable {
        if attempts % 10 == 0 {
          self.logger.warning(
            "Cannot reach the robot at \(self.address) to log in (\(error)); retrying every \(retryInterval)."
          )
        }
        attempts += 1
        try await Task.sleep(for: retryInterval)
      }
    }
  }
}
