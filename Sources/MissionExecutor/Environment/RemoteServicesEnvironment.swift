public import BosdynAPI

/// A ready ``MissionEnvironment`` for tests: remote mission services by directory name, plus
/// whichever robot pieces a test wants to script; everything else is "not available".
///
/// ```swift
/// try await withRemoteMissionTestServer(servicer: try HelloWorldServicer()) { client, _ in
///   let environment = RemoteServicesEnvironment(services: ["hello-world-callback": client])
///   let controller = MissionController(environment: environment)
/// }
/// ```
///
/// Services answer for the robot's own directory only (host `""` or `"localhost"`); any other
/// host is unknown, as an unreachable directory would be.
public struct RemoteServicesEnvironment: MissionEnvironment {
  /// The remote mission services by directory name.
  public var services: [String: any RemoteMissionConnection]
  /// Answers `BosdynRobotState` nodes; `nil` makes them fail as "not available".
  public var robotStateSource: (@Sendable () async throws -> Bosdyn_Api_RobotState)?

  /// Creates an environment.
  ///
  /// - Parameters:
  ///   - services: Remote mission services by directory name.
  ///   - robotState: What `BosdynRobotState` nodes read, or `nil` for none.
  public init(
    services: [String: any RemoteMissionConnection] = [:],
    robotState: (@Sendable () async throws -> Bosdyn_Api_RobotState)? = nil
  ) {
    self.services = services
    self.robotStateSource = robotState
  }

  /// The service registered under the address's name, on the robot's own directory.
  public func remoteMissionService(at address: ServiceAddress) async throws
    -> any RemoteMissionConnection
  {
    guard address.isOnRobot, let service = self.services[address.name] else {
      throw MissionEnvironmentError.unknownService(address)
    }
    return service
  }

  /// The scripted robot state, or "not available".
  public func robotState(from address: ServiceAddress) async throws -> Bosdyn_Api_RobotState {
    guard let robotState = self.robotStateSource else {
      throw MissionEnvironmentError.notAvailable("robot state requests")
    }
    return try await robotState()
  }
}
