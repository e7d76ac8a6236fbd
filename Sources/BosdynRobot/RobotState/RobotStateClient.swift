public import BosdynAPI

/// The robot state service: power, battery, e-stop, kinematics, faults.
public struct RobotStateClient: Sendable {
  /// The directory name of the robot state service.
  public static let serviceName = "robot-state"
  private let rpc: RobotRPC

  /// Creates a client reaching the robot state service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.robotState) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// The robot's whole state.
  public func state() async throws -> Bosdyn_Api_RobotState {
    let response = try await self.rpc.call(
      Bosdyn_Api_RobotStateService.Method.GetRobotState.self,
      Bosdyn_Api_RobotStateRequest()
    )
    return response.robotState
  }

  /// The robot's power state.
  public func powerState() async throws -> Bosdyn_Api_PowerState {
    try await self.state().powerState
  }

  /// Whether the motors are on (Python's `is_powered_on`).
  public func isPoweredOn() async throws -> Bool {
    try await self.powerState().motorPowerState == .stateOn
  }

  /// Whether an estop (a stop button or a software estop endpoint) holds the robot stopped
  /// (Python's `Robot.is_estopped`): such a robot refuses to power on, so programs check first
  /// and say so.
  public func isEstopped() async throws -> Bool {
    try await self.state().estopStates.contains { $0.state == .estopped }
  }
}
