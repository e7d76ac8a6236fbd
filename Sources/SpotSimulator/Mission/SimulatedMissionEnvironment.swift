import BosdynAPI
import BosdynCore
import GRPCCore
import MissionExecutor

/// The simulated robot as its own mission service sees it: RemoteGrpc nodes reach the services
/// registered in its directory (directly, over plaintext gRPC, as the robot does), and robot
/// nodes (power, robot command, robot state, lease retain, GraphNav navigation) are served by
/// the simulator's own services in-process, judged by the same ledger as every client's calls.
///
/// Only the robot's own directory is reachable: a node naming another `host` fails to load.
struct SimulatedMissionEnvironment: MissionEnvironment {
  /// The name the mission service gives in request headers and robot logs.
  static let clientName = "robot-mission"

  let registry: ServiceRegistry
  let connections: ServiceConnectionPool
  let power: PowerService
  let robotCommands: RobotCommandService
  let robotState: RobotStateService
  let leases: LeaseService
  let graphNav: GraphNavService
  let callLog: CallbackCallLog

  func remoteMissionService(at address: ServiceAddress) async throws
    -> any RemoteMissionConnection
  {
    try Self.requireRobot(address)
    guard let entry = self.registry.entry(named: address.name) else {
      throw MissionEnvironmentError.unknownService(address)
    }
    let remoteMissionType = Bosdyn_Api_Mission_RemoteMissionService.descriptor.fullyQualifiedService
    guard entry.type == remoteMissionType else {
      throw MissionEnvironmentError(
        "'\(address.name)' is a \(entry.type), not a \(remoteMissionType)"
      )
    }
    guard let endpoint = self.registry.endpoint(named: address.name) else {
      throw MissionEnvironmentError("'\(address.name)' is one of the robot's own services")
    }
    let client = try self.connections.client(host: endpoint.hostIp, port: Int(endpoint.port))
    return RecordedRemoteMissionConnection(
      base: GRPCRemoteMissionConnection(
        client: Bosdyn_Api_Mission_RemoteMissionService.Client(wrapping: client),
        clientName: Self.clientName
      ),
      service: address.name,
      log: self.callLog,
      serial: self.callLog.openConnection()
    )
  }

  func robotState(from address: ServiceAddress) async throws -> Bosdyn_Api_RobotState {
    try Self.requireRobot(address)
    let request = Bosdyn_Api_RobotStateRequest().stamped(clientName: Self.clientName)
    return try await self.robotState.getRobotState(
      request: request,
      context: Self.context(Bosdyn_Api_RobotStateService.Method.GetRobotState.descriptor)
    ).robotState
  }

  func powerCommand(
    _ request: Bosdyn_Api_PowerCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandResponse {
    try Self.requireRobot(address)
    return try await Self.inProcess(
      Bosdyn_Api_PowerService.Method.PowerCommand.descriptor,
      request,
      self.power.powerCommand
    )
  }

  func powerCommandFeedback(
    _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
    try Self.requireRobot(address)
    return try await Self.inProcess(
      Bosdyn_Api_PowerService.Method.PowerCommandFeedback.descriptor,
      request,
      self.power.powerCommandFeedback
    )
  }

  func robotCommand(
    _ request: Bosdyn_Api_RobotCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandResponse {
    try Self.requireRobot(address)
    return try await Self.inProcess(
      Bosdyn_Api_RobotCommandService.Method.RobotCommand.descriptor,
      request,
      self.robotCommands.robotCommand
    )
  }

  func robotCommandFeedback(
    _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    try Self.requireRobot(address)
    return try await Self.inProcess(
      Bosdyn_Api_RobotCommandService.Method.RobotCommandFeedback.descriptor,
      request,
      self.robotCommands.robotCommandFeedback
    )
  }

  func retainLease(
    _ request: Bosdyn_Api_RetainLeaseRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RetainLeaseResponse {
    try Self.requireRobot(address)
    return try await Self.inProcess(
      Bosdyn_Api_LeaseService.Method.RetainLease.descriptor,
      request,
      self.leases.retainLease
    )
  }

  func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
    try Self.requireGraphNav(address)
    return try await Self.inProcess(
      Bosdyn_Api_GraphNav_GraphNavService.Method.NavigateTo.descriptor,
      request,
      self.graphNav.navigateTo
    )
  }

  func navigateRoute(
    _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
    try Self.requireGraphNav(address)
    return try await Self.inProcess(
      Bosdyn_Api_GraphNav_GraphNavService.Method.NavigateRoute.descriptor,
      request,
      self.graphNav.navigateRoute
    )
  }

  func navigationFeedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    try Self.requireGraphNav(address)
    return try await Self.inProcess(
      Bosdyn_Api_GraphNav_GraphNavService.Method.NavigationFeedback.descriptor,
      request,
      self.graphNav.navigationFeedback
    )
  }

  /// Refuses a navigation node that names another robot or another GraphNav service.
  private static func requireGraphNav(_ address: ServiceAddress) throws {
    try Self.requireRobot(address)
    guard address.name == Self.graphNavName else {
      throw MissionEnvironmentError(
        "'\(address.name)' is not the robot's GraphNav service ('\(Self.graphNavName)')"
      )
    }
  }

  /// The directory name of the robot's GraphNav service.
  static let graphNavName = "graph-nav-service"

  /// Refuses a node that names another robot's directory.
  private static func requireRobot(_ address: ServiceAddress) throws {
    guard address.isOnRobot else {
      throw MissionEnvironmentError(
        "'\(address.host)' is not this robot: the simulated robot reaches only its own "
          + "directory (use host \"localhost\" or leave it empty)"
      )
    }
  }

  /// Calls one of the simulator's services in-process, as the mission service: the request
  /// stamped with its client name, the context naming `method`.
  private static func inProcess<Request: HeaderedRequest, Response>(
    _ method: MethodDescriptor,
    _ request: Request,
    _ handler: (Request, ServerContext) async throws -> Response
  ) async throws -> Response {
    try await handler(request.stamped(clientName: Self.clientName), Self.context(method))
  }

  /// The context of an in-process call to one of the simulator's services.
  private static func context(_ method: MethodDescriptor) -> ServerContext {
    ServerContext(
      descriptor: method,
      remotePeer: "in-process:robot-mission",
      localPeer: "in-process:spot-sim",
      cancellation: ServerContext.RPCCancellationHandle()
    )
  }
}
