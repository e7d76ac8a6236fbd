public import BosdynAPI

/// The robot id service: serial number, nickname and software version. Needs no token.
public struct RobotIdClient: Sendable {
  /// The directory name of the robot id service.
  public static let serviceName = "robot-id"
  private let rpc: RobotRPC

  /// Creates a client reaching the robot id service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.robotID) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// The robot's identity.
  public func id() async throws -> Bosdyn_Api_RobotId {
    let response = try await self.rpc.call(
      Bosdyn_Api_RobotIdService.Method.GetRobotId.self,
      Bosdyn_Api_RobotIdRequest()
    )
    return response.robotID
  }
}
