public import BosdynAPI
import BosdynCore
import SwiftProtobuf

/// The E-Stop service: its configuration, endpoints registered in it, and check-ins.
///
/// A software E-Stop is an endpoint in the robot's active configuration that checks in with a
/// stop level; the robot is stopped while any endpoint asks for a stop, or has not checked in
/// within its timeout. ``stop(endpointName:)`` and ``release(endpointName:)`` are the one-shot
/// forms `bosdyn ROBOT estop stop|release` uses: an endpoint that engages and stays, and that a
/// later call finds by name to release and remove.
public struct EstopClient: Sendable {
  /// The directory name of the E-Stop service.
  public static let serviceName = "estop"
  /// The endpoint name the one-shot commands register under.
  public static let commandLineEndpointName = "bosdyn-cli"
  private let rpc: RobotRPC

  /// Creates a client reaching the E-Stop service at `authority`.
  public init(connection: RobotConnection, authority: String = RobotAuthority.estop) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
  }

  /// The active configuration and its endpoints.
  public func activeConfig() async throws -> Bosdyn_Api_EstopConfig {
    try await self.rpc.call(
      Bosdyn_Api_EstopService.Method.GetEstopConfig.self,
      Bosdyn_Api_GetEstopConfigRequest()
    ).activeConfig
  }

  /// Registers a new endpoint named `name` in the active configuration; returns it with the
  /// unique id the robot gave it.
  public func register(name: String, timeout: Duration = .seconds(10)) async throws
    -> Bosdyn_Api_EstopEndpoint
  {
    let config = try await self.activeConfig()
    var request = Bosdyn_Api_RegisterEstopEndpointRequest()
    request.targetConfigID = config.uniqueID
    request.newEndpoint.name = name
    request.newEndpoint.role = "PDB_rooted"
    request.targetEndpoint.role = "PDB_rooted"
    request.newEndpoint.timeout = .init(rounding: timeout)
    request.newEndpoint.cutPowerTimeout = .init(rounding: timeout + .seconds(5))
    let response = try await self.rpc.call(
      Bosdyn_Api_EstopService.Method.RegisterEstopEndpoint.self,
      request
    )
    guard response.status == .success else {
      throw Self.refused("RegisterEstopEndpoint", "\(response.status)")
    }
    return response.newEndpoint
  }

  /// Removes `endpoint` from the active configuration.
  public func deregister(_ endpoint: Bosdyn_Api_EstopEndpoint) async throws {
    let config = try await self.activeConfig()
    var request = Bosdyn_Api_DeregisterEstopEndpointRequest()
    request.targetConfigID = config.uniqueID
    request.targetEndpoint = endpoint
    let response = try await self.rpc.call(
      Bosdyn_Api_EstopService.Method.DeregisterEstopEndpoint.self,
      request
    )
    guard response.status == .success else {
      throw Self.refused("DeregisterEstopEndpoint", "\(response.status)")
    }
  }

  /// Checks `endpoint` in at `level`. The robot answers each check-in with a challenge the next
  /// one must answer (its bitwise complement); an endpoint that does not know the current
  /// challenge (a new process) is told so with a fresh one, and the check-in is sent again.
  public func checkIn(
    _ endpoint: Bosdyn_Api_EstopEndpoint,
    level: Bosdyn_Api_EstopStopLevel
  ) async throws {
    var challenge: UInt64?
    for _ in 0..<2 {
      var request = Bosdyn_Api_EstopCheckInRequest()
      request.endpoint = endpoint
      request.stopLevel = level
      if let challenge {
        request.challenge = challenge
        request.response = ~challenge
      }
      let response = try await self.rpc.call(
        Bosdyn_Api_EstopService.Method.EstopCheckIn.self,
        request
      )
      switch response.status {
      case .ok: return
      case .incorrectChallengeResponse: challenge = response.challenge
      default: throw Self.refused("EstopCheckIn", "\(response.status)")
      }
    }
    throw Self.refused("EstopCheckIn", "the robot refused two challenge answers")
  }

  /// Engages a software E-Stop: an endpoint named `endpointName` asking for a cut, which stays
  /// until ``release(endpointName:)``. The robot cuts motor power.
  public func stop(endpointName: String = Self.commandLineEndpointName) async throws {
    var endpoint = try await self.endpoint(named: endpointName)
    if endpoint == nil { endpoint = try await self.register(name: endpointName) }
    try await self.checkIn(endpoint!, level: .estopLevelCut)
  }

  /// Releases the software E-Stop ``stop(endpointName:)`` engaged and removes its endpoint, so
  /// that its silence does not stop the robot again. Returns `false` when there was none.
  @discardableResult
  public func release(endpointName: String = Self.commandLineEndpointName) async throws -> Bool {
    guard let endpoint = try await self.endpoint(named: endpointName) else { return false }
    try await self.checkIn(endpoint, level: .estopLevelNone)
    try await self.deregister(endpoint)
    return true
  }

  private static func refused(_ method: String, _ message: String) -> ClientError {
    ClientError(
      code: .responseError,
      message: message,
      method: "bosdyn.api.EstopService/\(method)",
      layer: .response
    )
  }

  private func endpoint(named name: String) async throws -> Bosdyn_Api_EstopEndpoint? {
    try await self.activeConfig().endpoints.first { $0.name == name }
  }
}
