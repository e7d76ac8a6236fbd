public import BosdynAPI
public import BosdynCore
import Foundation
import GRPCCore
public import SwiftProtobuf

/// The robot's GraphNav service (`graph-nav-service`, `bosdyn.api.graph_nav.GraphNavService`):
/// upload and download the map, localize on it, navigate to a waypoint or along a route and
/// follow the progress — Python's `bosdyn.client.graph_nav.GraphNavClient`.
///
/// Refusals are ``BosdynCore/ClientError``s whose codes name them as the Python client's
/// exceptions do (`unknownWaypoint`, `noPath`, `notLocalized`, `robotImpaired`,
/// `commandExpired`, `invalidGraph`, `leaseUseError`, …), with the response in
/// ``/BosdynCore/ClientError/response``.
///
/// ```swift
/// let graphNav = GraphNavClient(connection: robot, wallet: wallet)
/// try await graphNav.clearGraph()
/// try await graphNav.uploadMap(graph, waypointSnapshots: snapshots, edgeSnapshots: [])
/// _ = try await graphNav.setLocalization(fiducialInit: .nearest)
/// let id = try await graphNav.navigateTo("waypoint-3", endTime: inTenSeconds)
/// try await graphNav.navigationFeedback(commandID: id).status  // .followingRoute, …
/// ```
public struct GraphNavClient: Sendable {
  /// The directory name of the GraphNav service.
  public static let serviceName = "graph-nav-service"
  /// The gRPC service type of the GraphNav service.
  public static let serviceType = "bosdyn.api.graph_nav.GraphNavService"
  /// The chunk size of uploads, as the Python client's (1 MiB).
  public static let chunkSize = 1024 * 1024

  let rpc: RobotRPC
  /// The wallet whose body lease navigation commands carry when given none (advanced, as the
  /// Python SDK's lease processor does), and which lease use results update.
  public let wallet: LeaseWallet?

  /// Creates a client reaching GraphNav at `authority`.
  public init(
    connection: RobotConnection,
    wallet: LeaseWallet? = nil,
    authority: String = RobotAuthority.graphNav
  ) {
    self.rpc = RobotRPC(connection: connection, authority: authority)
    self.wallet = wallet
  }

  // MARK: Localization

  /// Localizes the robot on the map (SetLocalization).
  ///
  /// - Parameters:
  ///   - fiducialInit: How fiducials are used; `nearest` (the Python default) localizes to the
  ///     nearest one.
  ///   - initialGuess: The waypoint (and the body's pose relative to it) to start from.
  /// - Returns: The resulting localization.
  /// - Throws: `noMapLoaded`, `unknownWaypoint`, `robotImpaired`, `localizationFailed`, or an
  ///   RPC-layer code.
  @discardableResult
  public func setLocalization(
    fiducialInit: Bosdyn_Api_GraphNav_SetLocalizationRequest.FiducialInit = .nearest,
    initialGuess: Bosdyn_Api_GraphNav_Localization = .init()
  ) async throws -> Bosdyn_Api_GraphNav_Localization {
    var request = Bosdyn_Api_GraphNav_SetLocalizationRequest()
    request.fiducialInit = fiducialInit
    request.initialGuess = initialGuess
    return try await self.setLocalization(request).localization
  }

  /// Sends a SetLocalization request as it is.
  public func setLocalization(
    _ request: Bosdyn_Api_GraphNav_SetLocalizationRequest
  ) async throws -> Bosdyn_Api_GraphNav_SetLocalizationResponse {
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.SetLocalization.self
    let response = try await self.rpc.call(method, request)
    try self.check(response.status, response, method.descriptor)
    return response
  }

  /// Where the robot is on the map and its kinematic state (GetLocalizationState).
  ///
  /// - Parameter waypoint: Report the body relative to this waypoint instead of the nearest.
  public func localizationState(
    relativeTo waypoint: String? = nil
  ) async throws -> Bosdyn_Api_GraphNav_GetLocalizationStateResponse {
    var request = Bosdyn_Api_GraphNav_GetLocalizationStateRequest()
    if let waypoint { request.waypointID = waypoint }
    return try await self.rpc.call(
      Bosdyn_Api_GraphNav_GraphNavService.Method.GetLocalizationState.self,
      request
    )
  }

  // MARK: Navigation

  /// Starts walking to `waypoint` along the route GraphNav chooses, until `endTime` (robot
  /// time); send it again with the returned `commandID` before then to keep it going.
  ///
  /// - Parameters:
  ///   - waypoint: The destination.
  ///   - endTime: When the command expires, in robot time (time sync converts).
  ///   - travelParams: Speed limit, goal tolerance and the like.
  ///   - commandID: The command to continue; `nil` starts a new one.
  ///   - leases: The leases to use; `nil` for the wallet's body lease.
  /// - Returns: The command's id, for ``navigationFeedback(commandID:)``.
  /// - Throws: `unknownWaypoint`, `noPath`, `notLocalized`, `robotImpaired`,
  ///   `commandExpired`, `tooDistant`, `timeSyncNotEstablished`, `unrecognizedCommand`,
  ///   `leaseUseError`, or an RPC-layer code.
  public func navigateTo(
    _ waypoint: String,
    endTime: Google_Protobuf_Timestamp,
    travelParams: Bosdyn_Api_GraphNav_TravelParams? = nil,
    commandID: UInt32? = nil,
    leases: [Lease]? = nil
  ) async throws -> UInt32 {
    var request = Bosdyn_Api_GraphNav_NavigateToRequest()
    request.destinationWaypointID = waypoint
    request.endTime = endTime
    if let travelParams { request.travelParams = travelParams }
    request.commandID = commandID ?? 0
    request.leases = try self.navigationLeases(leases)
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.NavigateTo.self
    let response = try await self.rpc.call(method, request)
    try self.checkLeases(response.leaseUseResults, response, method.descriptor)
    try self.check(response.status, response, method.descriptor)
    return response.commandID
  }

  /// Starts following `route` until `endTime` (robot time), as ``navigateTo(_:endTime:travelParams:commandID:leases:)``.
  ///
  /// - Throws: `unknownRouteElements`, `invalidEdge`, `noPath`, `notLocalized`, and the codes
  ///   of ``navigateTo(_:endTime:travelParams:commandID:leases:)``.
  public func navigateRoute(
    _ route: Bosdyn_Api_GraphNav_Route,
    endTime: Google_Protobuf_Timestamp,
    travelParams: Bosdyn_Api_GraphNav_TravelParams? = nil,
    followParams: Bosdyn_Api_GraphNav_RouteFollowingParams? = nil,
    commandID: UInt32? = nil,
    leases: [Lease]? = nil
  ) async throws -> UInt32 {
    var request = Bosdyn_Api_GraphNav_NavigateRouteRequest()
    request.route = route
    request.endTime = endTime
    if let travelParams { request.travelParams = travelParams }
    if let followParams { request.routeFollowParams = followParams }
    request.commandID = commandID ?? 0
    request.leases = try self.navigationLeases(leases)
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.NavigateRoute.self
    let response = try await self.rpc.call(method, request)
    try self.checkLeases(response.leaseUseResults, response, method.descriptor)
    try self.check(response.status, response, method.descriptor)
    return response.commandID
  }

  /// How navigation command `commandID` (0: the current one) is going. Its status is data,
  /// not an error: `STATUS_REACHED_GOAL`, `STATUS_FOLLOWING_ROUTE`, `STATUS_COMMAND_TIMED_OUT`…
  ///
  /// - Throws: `unsetStatus` for a response without a status, or an RPC-layer code.
  public func navigationFeedback(
    commandID: UInt32 = 0
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    var request = Bosdyn_Api_GraphNav_NavigationFeedbackRequest()
    request.commandID = commandID
    let method = Bosdyn_Api_GraphNav_GraphNavService.Method.NavigationFeedback.self
    let response = try await self.rpc.call(method, request)
    if response.status == .unknown {
      var error = RobotRPC.statusError(.unsetStatus, "the status is unset", method.descriptor)
      error.response = response
      throw error
    }
    return response
  }

  // MARK: Leases

  /// The leases a navigation command sends: the given ones, else the wallet's body lease
  /// advanced, else none.
  private func navigationLeases(_ given: [Lease]?) throws -> [Lease] {
    if let given { return given }
    guard let wallet = self.wallet else { return [] }
    return [try wallet.advance(resource: LeaseClient.bodyResource)]
  }

  func checkLeases(
    _ results: [Bosdyn_Api_LeaseUseResult],
    _ response: some SwiftProtobuf.Message,
    _ method: MethodDescriptor
  ) throws {
    for result in results { self.wallet?.onLeaseUseResult(result) }
    if var error = ClientError.from(leaseUseResults: results, method: method.fullyQualifiedMethod) {
      error.response = response
      throw error
    }
  }

  func checkHeader(
    _ header: Bosdyn_Api_ResponseHeader,
    _ response: some SwiftProtobuf.Message,
    _ method: MethodDescriptor
  ) throws {
    if var error = ClientError.from(header: header, method: method.fullyQualifiedMethod) {
      error.response = response
      throw error
    }
  }
}
