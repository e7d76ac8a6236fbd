public import BosdynAPI
public import BosdynCore

/// What the power-off callback needs from the robot: keep a lease alive, send a safe power off
/// with it, and read that command's feedback.
///
/// A protocol rather than the robot connection itself so the servicer's decisions (which lease,
/// which tick status for which feedback) stay separate from how the robot is reached;
/// `BosdynRobot.RobotConnection` conforms, and so can anything else that drives a robot.
public protocol SafePowerOffRobot: Sendable {
  /// Tells the robot the lease is still in use, so its comms-loss policy does not revoke it
  /// while the (slow) safe power off runs. Failures are the caller's to ignore.
  func retainLease(_ lease: Lease) async throws

  /// Sends a safe power off command with `lease` and returns the robot's command id.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code
  ///   ``/BosdynCore/ClientError/Code/leaseUseError`` (and its `leaseUseResult`) when the robot
  ///   refuses the lease, another ``/BosdynCore/ClientError`` otherwise.
  func issueSafePowerOff(lease: Lease) async throws -> UInt32

  /// The robot's feedback for a command issued by ``issueSafePowerOff(lease:)``.
  func robotCommandFeedback(commandID: UInt32) async throws
    -> Bosdyn_Api_RobotCommandFeedbackResponse
}
