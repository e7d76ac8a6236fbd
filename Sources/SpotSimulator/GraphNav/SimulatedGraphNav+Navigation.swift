public import BosdynAPI
import BosdynCore
import SwiftProtobuf
import Synchronization

extension SimulatedGraphNav {
  /// Starts (or continues) walking to a waypoint along the shortest path (NavigateTo).
  ///
  /// Refusals, checked in this order: no `end_time` (`STATUS_NO_TIMESYNC`: only a client that
  /// synchronized its clock can say when in robot time), an `end_time` that has passed
  /// (`STATUS_EXPIRED`) or lies beyond ``Configuration/maximumCommandDuration``
  /// (`STATUS_TOO_DISTANT`); a `command_id` that is not the current command, or one that
  /// expired or was overridden (`STATUS_UNRECOGNIZED_COMMAND`); a destination not in the map
  /// — also when there is no map — (`STATUS_UNKNOWN_WAYPOINT`); no localization
  /// (`STATUS_NOT_LOCALIZED_TO_MAP`); no path (`STATUS_NO_PATH`); motors off or the robot
  /// sitting (`STATUS_ROBOT_IMPAIRED` with `IMPAIRED_STATUS_NO_MOTOR_POWER` or
  /// `IMPAIRED_STATUS_SYSTEM_FAULT`). Continuing a command moves only its end time, as the
  /// proto says; continuing one that already reached its goal is accepted.
  public func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest
  ) -> Bosdyn_Api_GraphNav_NavigateToResponse {
    var response = Bosdyn_Api_GraphNav_NavigateToResponse()
    switch self.navigate(
      endTime: request.hasEndTime ? request.endTime : nil,
      commandID: request.commandID,
      plan: { state, at in
        let destination = request.destinationWaypointID
        guard state.map.contains(waypoint: destination) else {
          return .failure(.unknownWaypoint([destination]))
        }
        guard let at else { return .failure(.notLocalizedToMap) }
        guard let path = state.map.shortestPath(from: at, to: destination) else {
          return .failure(.noPath)
        }
        return .success((path, []))
      },
      travel: request.travelParams,
      goalOffset: request.hasDestinationWaypointTformBodyGoal
        ? Pose3(request.destinationWaypointTformBodyGoal) : nil
    ) {
    case .success(let id):
      response.status = .ok
      response.commandID = id
    case .failure(let refusal):
      switch refusal {
      case .noTimeSync: response.status = .noTimesync
      case .expired: response.status = .expired
      case .tooDistant: response.status = .tooDistant
      case .impaired(let impaired):
        response.status = .robotImpaired
        response.impairedState = impaired
      case .unknownWaypoint(let ids), .unknownRouteElements(let ids, _):
        response.status = .unknownWaypoint
        response.errorWaypointIds = ids
      case .invalidEdge, .noPath: response.status = .noPath
      case .notLocalizedToMap, .notLocalizedToRoute: response.status = .notLocalizedToMap
      case .unrecognizedCommand: response.status = .unrecognizedCommand
      }
    }
    return response
  }

  /// Starts (or continues) following a route (NavigateRoute).
  ///
  /// The route must name waypoints and edges of the map (`STATUS_UNKNOWN_ROUTE_ELEMENTS`),
  /// with one edge between each pair of consecutive waypoints (`STATUS_INVALID_EDGE`). A robot
  /// not on the route first walks the shortest path to the route's nearest waypoint (the
  /// earliest on ties, `START_GOTO_ROUTE`, the default), to its start (`START_GOTO_START`), or
  /// is refused (`START_FAIL_WHEN_NOT_ON_ROUTE`: `STATUS_NOT_LOCALIZED_TO_ROUTE`). Time, lease
  /// and robot checks are those of ``navigateTo(_:)``.
  public func navigateRoute(
    _ request: Bosdyn_Api_GraphNav_NavigateRouteRequest
  ) -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
    var response = Bosdyn_Api_GraphNav_NavigateRouteResponse()
    let route = request.route
    switch self.navigate(
      endTime: request.hasEndTime ? request.endTime : nil,
      commandID: request.commandID,
      plan: { state, at in
        Self.planRoute(route, from: at, start: request.routeFollowParams.newCmdBehavior, state)
      },
      travel: request.travelParams,
      goalOffset: request.hasDestinationWaypointTformBodyGoal
        ? Pose3(request.destinationWaypointTformBodyGoal) : nil
    ) {
    case .success(let id):
      response.status = .ok
      response.commandID = id
    case .failure(let refusal):
      switch refusal {
      case .noTimeSync: response.status = .noTimesync
      case .expired: response.status = .expired
      case .tooDistant: response.status = .tooDistant
      case .impaired(let impaired):
        response.status = .robotImpaired
        response.impairedState = impaired
      case .unknownWaypoint(let ids):
        response.status = .unknownRouteElements
        response.errorWaypointIds = ids
      case .unknownRouteElements(let waypoints, let edges):
        response.status = .unknownRouteElements
        response.errorWaypointIds = waypoints
        response.errorEdgeIds = edges
      case .invalidEdge(let edges):
        response.status = .invalidEdge
        response.errorEdgeIds = edges
      case .noPath: response.status = .noPath
      case .notLocalizedToMap: response.status = .notLocalizedToMap
      case .notLocalizedToRoute: response.status = .notLocalizedToRoute
      case .unrecognizedCommand: response.status = .unrecognizedCommand
      }
    }
    return response
  }

  /// How navigation command `command_id` (0: the latest) is going (NavigationFeedback).
  ///
  /// `STATUS_FOLLOWING_ROUTE` while the body walks, `STATUS_REACHED_GOAL` once it arrived,
  /// `STATUS_COMMAND_TIMED_OUT` when its end time passed first, `STATUS_COMMAND_OVERRIDDEN`
  /// when another command (navigation, robot command, power off) replaced it,
  /// `STATUS_ROBOT_IMPAIRED` when the estop stopped it, `STATUS_NO_ROUTE` for no command, an
  /// unknown one, or one whose map changed.
  public func feedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest
  ) -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    self.state.withLock { state in
      var response = Bosdyn_Api_GraphNav_NavigationFeedbackResponse()
      let id = request.commandID == 0 ? state.currentCommand : request.commandID
      guard let id, let command = state.commands[id] else {
        response.status = .noRoute
        return response
      }
      response.commandID = id
      guard command.mapEpoch == state.map.epoch else {
        response.status = .noRoute
        return response
      }
      let progress = self.body.motionProgress(command.motionID)
      switch progress {
      case .moving(let remaining):
        response.status = .followingRoute
        response.routeFollowingStatus = .followingRoute
        response.blockageStatus = .routeClear
        response.goalStatus = .notReached
        response.bodyMovementStatus = .bodyStatusMoving
        response.remainingRouteLength = remaining
      case .arrived:
        response.status = .reachedGoal
        response.goalStatus = .standingAtGoal
        response.bodyMovementStatus = .bodyStatusSettled
      case .timedOut: response.status = .commandTimedOut
      case .overridden: response.status = .commandOverridden
      case .estopped:
        response.status = .robotImpaired
        response.impairedState.impairedStatus = .noMotorPower
      case .unknown: response.status = .noRoute
      }
      if case .moving = progress, let localization = state.localization {
        let body = localization.seedTformOdom * Self.odomPose(self.body)
        let here = self.currentWaypoint(in: state, localization: localization, body: body)
        if let index = command.vertexWaypoints.lastIndex(of: here) {
          var remaining = Bosdyn_Api_GraphNav_Route()
          remaining.waypointID = Array(command.vertexWaypoints[index...])
          response.remainingRoute = remaining
        }
        response.lastKoTformGoal = (localization.seedTformOdom.inverse * command.goal).proto
      }
      return response
    }
  }

  /// Why a navigation command was refused, in terms both navigation RPCs map to their statuses.
  enum Refusal: Error {
    case noTimeSync
    case expired
    case tooDistant
    case impaired(Bosdyn_Api_RobotImpairedState)
    case unknownWaypoint([String])
    case unknownRouteElements([String], [Bosdyn_Api_GraphNav_Edge.Id])
    case invalidEdge([Bosdyn_Api_GraphNav_Edge.Id])
    case noPath
    case notLocalizedToMap
    case notLocalizedToRoute
    case unrecognizedCommand
  }

  /// The waypoints a command walks (from the robot's waypoint to its goal) and the route
  /// edges it follows.
  typealias Plan = (waypoints: [String], edges: [Bosdyn_Api_GraphNav_Edge.Id])

  /// The checks and bookkeeping both navigation RPCs share; `plan` finds the path from the
  /// robot's waypoint (`nil` when not localized).
  private func navigate(
    endTime: Google_Protobuf_Timestamp?,
    commandID: UInt32,
    plan: (State, String?) -> Result<Plan, Refusal>,
    travel: Bosdyn_Api_GraphNav_TravelParams,
    goalOffset: Pose3?
  ) -> Result<UInt32, Refusal> {
    let now = self.clock.now
    guard let endTime else { return .failure(.noTimeSync) }
    let end = self.clock.instant(at: endTime)
    guard end > now else { return .failure(.expired) }
    guard end - now <= self.configuration.maximumCommandDuration else {
      return .failure(.tooDistant)
    }
    return self.state.withLock { state -> Result<UInt32, Refusal> in
      if commandID != 0 {
        guard commandID == state.currentCommand, let command = state.commands[commandID],
          command.mapEpoch == state.map.epoch
        else { return .failure(.unrecognizedCommand) }
        if self.body.motionProgress(command.motionID) == .arrived
          || self.body.extendMotion(command.motionID, until: end)
        {
          return .success(commandID)
        }
        return .failure(.unrecognizedCommand)
      }
      let odom = Self.odomPose(self.body)
      let here = state.localization.map { localization in
        self.currentWaypoint(
          in: state,
          localization: localization,
          body: localization.seedTformOdom * odom
        )
      }
      let planned: Plan
      switch plan(state, here) {
      case .success(let found): planned = found
      case .failure(let refusal): return .failure(refusal)
      }
      guard let localization = state.localization, let start = planned.waypoints.first else {
        return .failure(.notLocalizedToMap)
      }
      let seedBody = localization.seedTformOdom * odom
      var vertexWaypoints = [start]
      var vertexPoses = [seedBody]
      for waypoint in planned.waypoints.dropFirst() {
        vertexWaypoints.append(waypoint)
        vertexPoses.append(state.map.pose(of: waypoint))
      }
      let last = planned.waypoints[planned.waypoints.count - 1]
      if planned.waypoints.count == 1 {
        vertexWaypoints.append(last)
        vertexPoses.append(state.map.pose(of: last))
      }
      var goal = state.map.pose(of: last)
      if let goalOffset {
        goal = goal.flattened * goalOffset
        vertexWaypoints.append(last)
        vertexPoses.append(goal)
      }
      let odomTformSeed = localization.seedTformOdom.inverse
      let speed = Self.speed(travel, default: self.configuration.defaultSpeed)
      let motion = self.body.startMotion(
        along: vertexPoses.dropFirst().map { odomTformSeed * $0 },
        speed: speed,
        until: end
      )
      switch motion {
      case .failure(let refusal):
        var impaired = Bosdyn_Api_RobotImpairedState()
        impaired.impairedStatus = refusal.status
        if refusal.status == .systemFault {
          var fault = Bosdyn_Api_SystemFault()
          fault.name = "robot-not-standing"
          fault.errorMessage = refusal.message
          fault.severity = .warn
          impaired.systemFaults = [fault]
        }
        return .failure(.impaired(impaired))
      case .success(let motionID):
        let id = state.nextCommandID
        state.nextCommandID &+= 1
        state.commands[id] = NavigationCommand(
          id: id,
          motionID: motionID,
          mapEpoch: state.map.epoch,
          vertexWaypoints: vertexWaypoints,
          vertexPoses: vertexPoses,
          routeEdges: planned.edges,
          goal: goal
        )
        if let oldest = state.commands.keys.min(), state.commands.count > 64 {
          state.commands[oldest] = nil
        }
        state.currentCommand = id
        state.localization?.command = id
        return .success(id)
      }
    }
  }

  /// The walking speed a command's travel params allow: the forward velocity limit when it
  /// sets one, else `fallback`.
  static func speed(_ travel: Bosdyn_Api_GraphNav_TravelParams, default fallback: Double) -> Double
  {
    let limit = travel.velocityLimit.maxVel.linear
    let speed = (limit.x * limit.x + limit.y * limit.y).squareRoot()
    return travel.hasVelocityLimit && speed.isFinite && speed > 0 ? speed : fallback
  }

  /// Checks a route against the map and plans the way onto it and along it.
  private static func planRoute(
    _ route: Bosdyn_Api_GraphNav_Route,
    from here: String?,
    start: Bosdyn_Api_GraphNav_RouteFollowingParams.StartRouteBehavior,
    _ state: State
  ) -> Result<Plan, Refusal> {
    let map = state.map
    let missingWaypoints = route.waypointID.filter { !map.contains(waypoint: $0) }
    let missingEdges = route.edgeID.filter { map.edge($0) == nil }
    guard !route.waypointID.isEmpty, missingWaypoints.isEmpty, missingEdges.isEmpty else {
      return .failure(.unknownRouteElements(missingWaypoints, missingEdges))
    }
    let pairs = zip(route.waypointID, route.waypointID.dropFirst())
    guard route.edgeID.count == route.waypointID.count - 1,
      zip(pairs, route.edgeID).allSatisfy({ pair, edge in
        GraphNavMap.EdgeKey(edge) == GraphNavMap.EdgeKey(pair.0, pair.1)
      })
    else {
      return .failure(.invalidEdge(route.edgeID))
    }
    guard let here else { return .failure(.notLocalizedToMap) }
    let entry: Int
    var approach: [String]
    if let index = route.waypointID.firstIndex(of: here), start != .startGotoStart {
      entry = index
      approach = [here]
    } else {
      switch start {
      case .startFailWhenNotOnRoute:
        return .failure(.notLocalizedToRoute)
      case .startGotoStart:
        entry = 0
      default:
        let lengths = route.waypointID.map { map.pathLength(from: here, to: $0) ?? .infinity }
        guard let best = lengths.indices.min(by: { lengths[$0] < lengths[$1] }),
          lengths[best].isFinite
        else { return .failure(.noPath) }
        entry = best
      }
      guard let path = map.shortestPath(from: here, to: route.waypointID[entry]) else {
        return .failure(.noPath)
      }
      approach = path
    }
    approach += route.waypointID[(entry + 1)...]
    return .success((approach, Array(route.edgeID[entry...])))
  }

  /// Ends the current navigation (the map changed under it): the body stops where it is.
  func endNavigation(in state: inout State) {
    guard let id = state.currentCommand, let command = state.commands[id] else { return }
    self.body.haltMotion(command.motionID)
  }
}
