import BosdynCore
public import BosdynAPI

/// Everything outside the behaviour tree that a mission reaches: remote mission services, the
/// robot's state, power and commands, and lease keep-alive.
///
/// The executor calls the environment from its own tasks and never holds a lock while it
/// waits. Every robot action has a default that throws
/// ``MissionEnvironmentError/notAvailable(_:)``, and the node that needed it fails with that
/// message, so a test supplies only what its mission uses:
///
/// ```swift
/// struct Robot: MissionEnvironment {
///   func remoteMissionService(at address: ServiceAddress) async throws
///     -> any RemoteMissionConnection
///   {
///     guard address.name == "hello-world-callback" else {
///       throw MissionEnvironmentError.unknownService(address)
///     }
///     return client
///   }
///   func robotState(from address: ServiceAddress) async throws -> Bosdyn_Api_RobotState {
///     var state = Bosdyn_Api_RobotState()
///     state.powerState.locomotionChargePercentage.value = 80
///     return state
///   }
/// }
/// ```
///
/// Navigation (`BosdynNavigateTo`, `BosdynNavigateRoute`) reaches GraphNav through
/// ``navigateTo(_:at:)``, ``navigateRoute(_:at:)`` and ``navigationFeedback(_:at:)``, added
/// the same way: an environment without them fails those nodes with "navigation commands are
/// not available in this environment".
public protocol MissionEnvironment: Sendable {
  /// Resolves a remote mission service (what `RemoteGrpc` nodes call) by directory name and host.
  ///
  /// Called once per RemoteGrpc node when a mission loads; a thrown error makes the load fail
  /// with `STATUS_VALIDATE_ERROR` naming the node.
  func remoteMissionService(at address: ServiceAddress) async throws
    -> any RemoteMissionConnection

  /// The robot's current state (`BosdynRobotState` nodes).
  func robotState(from address: ServiceAddress) async throws -> Bosdyn_Api_RobotState

  /// Sends a power command (`BosdynPowerRequest` nodes); the request carries the mission's lease.
  func powerCommand(
    _ request: Bosdyn_Api_PowerCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandResponse

  /// Reads the progress of a power command.
  func powerCommandFeedback(
    _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse

  /// Sends a robot command (`BosdynRobotCommand` nodes); the request carries the mission's lease.
  func robotCommand(
    _ request: Bosdyn_Api_RobotCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandResponse

  /// Reads the progress of a robot command.
  func robotCommandFeedback(
    _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse

  /// Retains a lease so the lease service does not revoke it (`RetainLease` nodes).
  func retainLease(
    _ request: Bosdyn_Api_RetainLeaseRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RetainLeaseResponse

  /// Sends a GraphNav NavigateTo (`BosdynNavigateTo` nodes, which send it again with the
  /// command's id to keep it from expiring); the request carries the mission's lease and an end
  /// time in robot time.
  func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse

  /// Sends a GraphNav NavigateRoute (`BosdynNavigateRoute` nodes), as ``navigateTo(_:at:)``.
  func navigateRoute(
    _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse

  /// Reads the progress of a navigation command.
  func navigationFeedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse
}

extension MissionEnvironment {
  /// Throws ``MissionEnvironmentError/unknownService(_:)``: this environment has no remote
  /// mission services.
  public func remoteMissionService(at address: ServiceAddress) async throws
    -> any RemoteMissionConnection
  {
    throw MissionEnvironmentError.unknownService(address)
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func robotState(from address: ServiceAddress) async throws -> Bosdyn_Api_RobotState {
    throw MissionEnvironmentError.notAvailable("robot state requests")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func powerCommand(
    _ request: Bosdyn_Api_PowerCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandResponse {
    throw MissionEnvironmentError.notAvailable("power commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func powerCommandFeedback(
    _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
    throw MissionEnvironmentError.notAvailable("power commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func robotCommand(
    _ request: Bosdyn_Api_RobotCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandResponse {
    throw MissionEnvironmentError.notAvailable("robot commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func robotCommandFeedback(
    _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    throw MissionEnvironmentError.notAvailable("robot commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func retainLease(
    _ request: Bosdyn_Api_RetainLeaseRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RetainLeaseResponse {
    throw MissionEnvironmentError.notAvailable("lease retains")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
    throw MissionEnvironmentError.notAvailable("navigation commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func navigateRoute(
    _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
    throw MissionEnvironmentError.notAvailable("navigation commands")
  }

  /// Throws ``MissionEnvironmentError/notAvailable(_:)``.
  public func navigationFeedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    throw MissionEnvironmentError.notAvailable("navigation commands")
  }
}
