public import BosdynAPI
import BosdynCore
import Synchronization

extension SimulatedGraphNav {
  /// The waypoint the robot is localized to, or `nil` when it is not localized.
  public var localizedWaypoint: String? {
    self.state.withLock { state in
      guard let localization = state.localization else { return nil }
      let body = localization.seedTformOdom * Self.odomPose(self.body)
      return self.currentWaypoint(in: state, localization: localization, body: body)
    }
  }

  /// Localizes the robot on the map (SetLocalization).
  ///
  /// The simulated robot sees no fiducials, so the choice of waypoint is fixed:
  /// - `FIDUCIAL_INIT_NO_FIDUCIAL`: the initial guess's waypoint (`STATUS_FAILED` without one);
  /// - `FIDUCIAL_INIT_NEAREST`: the waypoint nearest the robot when it is localized on this
  ///   map already (it keeps its place), else the map's first waypoint — where a recording
  ///   starts, in front of the fiducial Autowalk requires at the start;
  /// - `FIDUCIAL_INIT_NEAREST_AT_TARGET` and `FIDUCIAL_INIT_SPECIFIC`: the initial guess's
  ///   waypoint when it names one, else as `NEAREST`.
  ///
  /// The robot is put at the waypoint offset by the guess's `waypoint_tform_body` (the
  /// waypoint itself when the guess has none). Without a map the answer is
  /// `STATUS_NO_MAP_LOADED`; an unknown waypoint is `STATUS_UNKNOWN_WAYPOINT`;
  /// `FIDUCIAL_INIT_UNKNOWN` (a programming error, says the proto) is `STATUS_FAILED`.
  public func setLocalization(
    _ request: Bosdyn_Api_GraphNav_SetLocalizationRequest
  ) -> Bosdyn_Api_GraphNav_SetLocalizationResponse {
    self.state.withLock { state in
      var response = Bosdyn_Api_GraphNav_SetLocalizationResponse()
      guard let first = state.map.firstWaypoint else {
        response.status = .noMapLoaded
        return response
      }
      let guess = request.initialGuess.waypointID
      let odom = Self.odomPose(self.body)
      let nearest: String = {
        guard let localization = state.localization else { return first }
        let body = localization.seedTformOdom * odom
        return self.currentWaypoint(in: state, localization: localization, body: body)
      }()
      let waypoint: String
      switch request.fiducialInit {
      case .noFiducial:
        guard !guess.isEmpty else {
          response.status = .failed
          return response
        }
        waypoint = guess
      case .nearest:
        waypoint = nearest
      case .nearestAtTarget, .specific:
        waypoint = guess.isEmpty ? nearest : guess
      case .unknown, .UNRECOGNIZED:
        response.status = .failed
        return response
      }
      guard state.map.contains(waypoint: waypoint) else {
        response.status = .unknownWaypoint
        return response
      }
      let waypointTformBody =
        request.initialGuess.hasWaypointTformBody
        ? Pose3(request.initialGuess.waypointTformBody).flattened : .identity
      state.localization = Localization(
        seedTformOdom: state.map.pose(of: waypoint) * waypointTformBody * odom.inverse,
        waypoint: waypoint
      )
      response.status = .ok
      response.localization = self.localization(in: state, relativeTo: nil)
      response.qualityCheckResult = .qualityCheckSuccess
      return response
    }
  }

  /// The localization and the robot's kinematic state (GetLocalizationState); an empty
  /// localization when the robot is not localized.
  public func localizationState(
    _ request: Bosdyn_Api_GraphNav_GetLocalizationStateRequest
  ) -> Bosdyn_Api_GraphNav_GetLocalizationStateResponse {
    var response = Bosdyn_Api_GraphNav_GetLocalizationStateResponse()
    response.robotKinematics = self.body.kinematicState
    response.localization = self.state.withLock { state in
      self.localization(
        in: state,
        relativeTo: request.waypointID.isEmpty ? nil : request.waypointID
      )
    }
    return response
  }

  /// The localization message: the current waypoint (or `waypoint`), the body relative to
  /// it, and the body in the seed frame.
  func localization(in state: State, relativeTo waypoint: String?)
    -> Bosdyn_Api_GraphNav_Localization
  {
    var message = Bosdyn_Api_GraphNav_Localization()
    guard let localization = state.localization else { return message }
    let body = localization.seedTformOdom * Self.odomPose(self.body)
    let reference =
      waypoint.flatMap { state.map.contains(waypoint: $0) ? $0 : nil }
      ?? self.currentWaypoint(in: state, localization: localization, body: body)
    message.waypointID = reference
    message.waypointTformBody = (state.map.pose(of: reference).inverse * body).proto
    message.seedTformBody = body.proto
    message.timestamp = self.clock.timestamp(at: self.clock.now)
    return message
  }

  /// The waypoint the robot is at: after a navigation command since the localization, the
  /// vertex of its path nearest the body; otherwise the waypoint it was localized to.
  func currentWaypoint(in state: State, localization: Localization, body: Pose3) -> String {
    guard let id = localization.command, let command = state.commands[id],
      command.mapEpoch == state.map.epoch
    else { return localization.waypoint }
    var best = (waypoint: localization.waypoint, distance: Double.infinity)
    for (waypoint, pose) in zip(command.vertexWaypoints, command.vertexPoses) {
      let distance = pose.distance(to: body)
      if distance < best.distance { best = (waypoint, distance) }
    }
    return best.waypoint
  }

  /// The body's odometry pose now.
  static func odomPose(_ body: SimulatedBody) -> Pose3 {
    Pose3(body.odometryPose)
  }
}
