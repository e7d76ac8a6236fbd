public import BosdynAPI

/// Where a safe power off command stands, read from robot command feedback.
public enum SafePowerOffFeedback: Sendable, Hashable {
  /// The robot is sitting down or cutting power.
  case inProgress
  /// The motors are off: the command is done.
  case poweredOff
  /// The command stopped without powering off: overridden by another command, timed out, or
  /// the robot froze; the status says which.
  case stopped(Bosdyn_Api_RobotCommandFeedbackStatus.Status)
  /// The feedback was not about a safe power off command, or its status was unset.
  case unknown

  /// Reads the feedback of a safe power off command.
  public init(_ feedback: Bosdyn_Api_RobotCommandFeedback) {
    guard case .fullBodyFeedback(let body)? = feedback.command else {
      self = .unknown
      return
    }
    switch body.status {
    case .processing, .unknown:
      break
    case .commandOverridden, .commandTimedOut, .robotFrozen, .incompatibleHardware,
      .UNRECOGNIZED:
      self = .stopped(body.status)
      return
    }
    guard case .safePowerOffFeedback(let safe)? = body.feedback else {
      self = .unknown
      return
    }
    switch safe.status {
    case .inProgress: self = .inProgress
    case .poweredOff: self = .poweredOff
    case .unknown, .UNRECOGNIZED: self = .unknown
    }
  }
}
