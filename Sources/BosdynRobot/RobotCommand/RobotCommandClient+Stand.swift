public import BosdynAPI
public import BosdynCore
import GRPCCore

extension RobotCommandClient {
  /// Commands the robot to stand and waits until it does (Python's `blocking_stand`): what a
  /// program does after powering on and before playing a mission that walks.
  ///
  /// - Parameters:
  ///   - lease: The body lease, or `nil` for the wallet's.
  ///   - timeout: How long to wait for the robot to stand.
  ///   - pollInterval: The time between feedback requests.
  /// - Throws: ``/BosdynCore/ClientError`` with code `commandRejected` when the feedback says
  ///   the stand stopped (overridden, timed out, frozen), `timedOut` when the robot is not
  ///   standing in time, or the command's error (`notPoweredOn`, `leaseUseError`, …).
  public func stand(
    lease: Lease? = nil,
    timeout: Duration = .seconds(20),
    pollInterval: Duration = .milliseconds(100)
  ) async throws {
    let method = Bosdyn_Api_RobotCommandService.Method.RobotCommandFeedback.descriptor
    var command = Bosdyn_Api_RobotCommand()
    command.synchronizedCommand.mobilityCommand.standRequest = Bosdyn_Api_StandCommand.Request()
    let id = try await self.command(command, lease: lease)
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while true {
      let feedback = try await self.feedback(commandID: id).feedback
      let mobility = feedback.synchronizedFeedback.mobilityCommandFeedback
      switch mobility.status {
      case .processing:
        if mobility.standFeedback.status == .isStanding { return }
      case .unknown, .commandOverridden, .commandTimedOut, .robotFrozen, .incompatibleHardware,
        .UNRECOGNIZED:
        throw RobotRPC.statusError(
          .commandRejected,
          "the stand command stopped before the robot stood (\(mobility.status))",
          method
        )
      }
      guard clock.now < deadline else {
        throw RobotRPC.statusError(
          .timedOut,
          "the robot was not standing within \(timeout)",
          method
        )
      }
      try await Task.sleep(for: min(pollInterval, deadline - clock.now))
    }
  }
}
