public import BosdynAPI
public import BosdynCore
public import BosdynRobot

/// A robot connection powers the robot off through its lease and robot command services,
/// found at the authorities the robot's directory lists.
extension RobotConnection: SafePowerOffRobot {
  /// Retains `lease` with the lease service.
  public func retainLease(_ lease: Lease) async throws {
    let authority = try await self.authority(forService: LeaseClient.serviceName)
    _ = try await LeaseClient(connection: self, authority: authority).retain(lease)
  }

  /// Sends a safe power off with `lease` to the robot command service.
  public func issueSafePowerOff(lease: Lease) async throws -> UInt32 {
    let authority = try await self.authority(forService: RobotCommandClient.serviceName)
    return try await RobotCommandClient(connection: self, authority: authority)
      .safePowerOff(lease: lease)
  }

  /// Reads the robot command service's feedback for `commandID`.
  public func robotCommandFeedback(commandID: UInt32) async throws
    -> Bosdyn_Api_RobotCommandFeedbackResponse
  {
    let authority = try await self.authority(forService: RobotCommandClient.serviceName)
    return try await RobotCommandClient(connection: self, authority: authority)
      .feedback(commandID: commandID)
  }
}
