public import BosdynAPI
public import BosdynCore

extension PowerClient {
  /// Powers the motors on and waits until they are (Python's `power_on_motors`).
  ///
  /// - Parameters:
  ///   - lease: The body lease, or `nil` for the wallet's.
  ///   - timeout: How long to wait for the motors.
  ///   - pollInterval: The time between feedback requests.
  /// - Throws: ``/BosdynCore/ClientError`` with code `timedOut` when the motors are not on in
  ///   time, or the command's error.
  public func powerOnMotors(
    lease: Lease? = nil,
    timeout: Duration = .seconds(30),
    pollInterval: Duration = .milliseconds(500)
  ) async throws {
    try await self.powerMotors(.on, lease: lease, timeout: timeout, pollInterval: pollInterval)
  }

  /// Cuts motor power at once, without sitting down first; prefer
  /// ``RobotCommandClient/safePowerOff(lease:)``.
  public func powerOffMotors(
    lease: Lease? = nil,
    timeout: Duration = .seconds(30),
    pollInterval: Duration = .milliseconds(500)
  ) async throws {
    try await self.powerMotors(.off, lease: lease, timeout: timeout, pollInterval: pollInterval)
  }

  private func powerMotors(
    _ request: Bosdyn_Api_PowerCommandRequest.Request,
    lease: Lease?,
    timeout: Duration,
    pollInterval: Duration
  ) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    let (status, id) = try await self.command(request, lease: lease)
    if status == .statusSuccess { return }
    while clock.now < deadline {
      try await Task.sleep(for: min(pollInterval, deadline - clock.now))
      if try await self.feedback(commandID: id) == .statusSuccess { return }
    }
    throw ClientError(
      code: .timedOut,
      message: "the motors did not finish powering \(request) within \(timeout)",
      method: "bosdyn.api.PowerService/PowerCommandFeedback",
      layer: .response
    )
  }
}
