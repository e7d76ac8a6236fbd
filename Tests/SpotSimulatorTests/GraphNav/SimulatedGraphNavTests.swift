import AutowalkCompiler
import BosdynAPI
import BosdynCore
import Clocks
import Foundation
import SpotSimulator
import SwiftProtobuf
import TestSupport
import Testing

/// The simulated GraphNav without gRPC: the map, localization, and navigation moving the body
/// along the map's edges on a test clock.
@Suite("Simulated GraphNav")
struct SimulatedGraphNavTests {
  /// A body and GraphNav on manual time, with a straight map `spacing` meters apart.
  struct Fixture {
    let time = ManualTime()
    let body: SimulatedBody
    let graphNav: SimulatedGraphNav
    /// The clock tests advance.
    var clock: TestClock<Duration> { self.time.testClock }
    /// The robot clock the body and GraphNav run on.
    var robotClock: RobotClock { self.time.clock }

    init(waypoints: Int = 4, spacing: Double = 2, upload: Bool = true) {
      self.body = SimulatedBody(configuration: .init(transitionTime: .zero), clock: self.time.clock)
      self.graphNav = SimulatedGraphNav(body: self.body, clock: self.time.clock)
      if upload {
        var request = Bosdyn_Api_GraphNav_UploadGraphRequest()
        request.graph = StraightLineMap(waypoints: waypoints, spacing: spacing).graph
        _ = self.graphNav.uploadGraph(request)
      }
    }

    func standUp() {
      _ = self.body.requestPower(on: true)
      var stand = Bosdyn_Api_RobotCommand()
      stand.synchronizedCommand.mobilityCommand.standRequest = .init()
      _ = self.body.execute(stand)
    }

    func localize(
      _ fiducialInit: Bosdyn_Api_GraphNav_SetLocalizationRequest.FiducialInit = .nearest,
      at waypoint: String = ""
    )
      -> Bosdyn_Api_GraphNav_SetLocalizationResponse
    {
      var request = Bosdyn_Api_GraphNav_SetLocalizationRequest()
      request.fiducialInit = fiducialInit
      request.initialGuess.waypointID = waypoint
      return self.graphNav.setLocalization(request)
    }

    func endTime(in duration: Duration) -> Google_Protobuf_Timestamp {
      self.robotClock.timestamp(at: self.robotClock.now + duration)
    }

    func navigateTo(
      _ waypoint: String,
      for duration: Duration = .seconds(30),
      speed: Double? = nil,
      commandID: UInt32 = 0
    ) -> Bosdyn_Api_GraphNav_NavigateToResponse {
      var request = Bosdyn_Api_GraphNav_NavigateToRequest()
      request.destinationWaypointID = waypoint
      request.endTime = self.endTime(in: duration)
      request.commandID = commandID
      if let speed { request.travelParams.velocityLimit.maxVel.linear.x = speed }
      return self.graphNav.navigateTo(request)
    }

    func feedback(_ id: UInt32 = 0) -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status {
      var request = Bosdyn_Api_GraphNav_NavigationFeedbackRequest()
      request.commandID = id
      return self.graphNav.feedback(request).status
    }

    var x: Double { self.body.odometryPose.position.x }
  }

  @Test func uploadNamesTheSnapshotsToSendThenTheOnesItHas() throws {
    let fixture = Fixture(upload: false)
    let map = StraightLineMap(waypoints: 3)
    var request = Bosdyn_Api_GraphNav_UploadGraphRequest()
    request.graph = map.graph
    let first = fixture.graphNav.uploadGraph(request)
    #expect(first.status == .ok)
    #expect(first.unknownWaypointSnapshotIds == map.waypointSnapshots.map(\.id))
    #expect(first.unknownEdgeSnapshotIds == map.edgeSnapshots.map(\.id))
    for snapshot in map.waypointSnapshots {
      _ = try fixture.graphNav.storeWaypointSnapshot(try snapshot.serializedBytes() as Data)
    }
    fixture.graphNav.clearGraph()
    let again = fixture.graphNav.uploadGraph(request)
    #expect(again.loadedWaypointSnapshotIds == map.waypointSnapshots.map(\.id), "cached")
    #expect(again.unknownWaypointSnapshotIds.isEmpty)
    #expect(again.unknownEdgeSnapshotIds == map.edgeSnapshots.map(\.id))
    #expect(again.mapStats.waypoints.count == 3)
    #expect(fixture.graphNav.graph.waypoints.count == 3)
  }

  @Test func anInvalidGraphChangesNothingAndSaysWhy() {
    let fixture = Fixture(waypoints: 2)
    var graph = StraightLineMap(waypoints: 2).graph
    graph.waypoints.append(graph.waypoints[0])
    var dangling = Bosdyn_Api_GraphNav_Edge()
    dangling.id.fromWaypoint = "waypoint-1"
    dangling.id.toWaypoint = "nowhere"
    var loop = Bosdyn_Api_GraphNav_Edge()
    loop.id.fromWaypoint = "waypoint-0"
    loop.id.toWaypoint = "waypoint-0"
    graph.edges += [dangling, loop]
    var request = Bosdyn_Api_GraphNav_UploadGraphRequest()
    request.graph = graph
    let response = fixture.graphNav.uploadGraph(request)
    #expect(response.status == .invalidGraph)
    #expect(response.validationStatus.duplicateWaypointIds == ["waypoint-0"])
    #expect(response.validationStatus.missingWaypointIdsInEdges == ["nowhere"])
    #expect(response.validationStatus.invalidWaypointIdsSelfEdges == ["waypoint-0"])
    #expect(fixture.graphNav.graph.edges.count == 1, "the map is as it was")
  }

  @Test func localizationPicksTheWaypointItDocuments() {
    let empty = Fixture(upload: false)
    #expect(empty.localize().status == .noMapLoaded)

    let fixture = Fixture()
    #expect(fixture.graphNav.localizedWaypoint == nil)
    let nearest = fixture.localize()
    #expect(nearest.status == .ok)
    #expect(nearest.localization.waypointID == "waypoint-0", "the first waypoint of the map")
    #expect(fixture.localize(.noFiducial, at: "waypoint-2").localization.waypointID == "waypoint-2")
    #expect(fixture.localize(.nearest).localization.waypointID == "waypoint-2", "keeps its place")
    #expect(fixture.localize(.noFiducial).status == .failed, "no waypoint to start from")
    #expect(fixture.localize(.specific, at: "nowhere").status == .unknownWaypoint)
  }

  @Test func navigationRefusalsAreTheStatusesTheSDKExpects() async {
    let fixture = Fixture()
    var request = Bosdyn_Api_GraphNav_NavigateToRequest()
    request.destinationWaypointID = "waypoint-1"
    #expect(fixture.graphNav.navigateTo(request).status == .noTimesync, "no end time")
    #expect(fixture.navigateTo("waypoint-1", for: .seconds(-1)).status == .expired)
    #expect(fixture.navigateTo("waypoint-1", for: .seconds(7200)).status == .tooDistant)
    #expect(fixture.navigateTo("nowhere").status == .unknownWaypoint)
    #expect(fixture.navigateTo("waypoint-1").status == .notLocalizedToMap)
    _ = fixture.localize()
    let off = fixture.navigateTo("waypoint-1")
    #expect(off.status == .robotImpaired)
    #expect(off.impairedState.impairedStatus == .noMotorPower)
    _ = fixture.body.requestPower(on: true)
    let sitting = fixture.navigateTo("waypoint-1")
    #expect(sitting.status == .robotImpaired)
    #expect(sitting.impairedState.systemFaults.first?.name == "robot-not-standing")
    #expect(fixture.x == 0, "the robot never moved")
    #expect(Fixture(upload: false).navigateTo("waypoint-1").status == .unknownWaypoint, "no map")
  }

  @Test func navigationWalksTheBodyAlongTheEdgesAtTheCommandsSpeed() async {
    let fixture = Fixture(spacing: 2)
    fixture.standUp()
    _ = fixture.localize()
    let command = fixture.navigateTo("waypoint-2", speed: 2)
    #expect(command.status == .ok)
    await fixture.clock.advance(by: .seconds(1))
    #expect(abs(fixture.x - 2) < 1e-9, "one edge in one second at 2 m/s")
    #expect(fixture.feedback(command.commandID) == .followingRoute)
    #expect(fixture.graphNav.localizedWaypoint == "waypoint-1")
    await fixture.clock.advance(by: .seconds(1))
    #expect(abs(fixture.x - 4) < 1e-9)
    #expect(fixture.feedback() == .reachedGoal)
    #expect(fixture.graphNav.localizedWaypoint == "waypoint-2")
    var state = Bosdyn_Api_GraphNav_GetLocalizationStateRequest()
    state.waypointID = "waypoint-0"
    let relative = fixture.graphNav.localizationState(state)
    #expect(abs(relative.localization.waypointTformBody.position.x - 4) < 1e-9)
    let odom = relative.robotKinematics.transformsSnapshot.childToParentEdgeMap["odom"]
    #expect(abs((odom?.parentTformChild.position.x ?? 0) + 4) < 1e-9, "body_tform_odom")
  }

  @Test func aCommandExpiresUnlessContinued() async {
    let fixture = Fixture(spacing: 1)
    fixture.standUp()
    _ = fixture.localize()
    let command = fixture.navigateTo("waypoint-3", for: .seconds(1))
    await fixture.clock.advance(by: .milliseconds(500))
    let continued = fixture.navigateTo("", for: .seconds(1), commandID: command.commandID)
    #expect(continued.status == .ok && continued.commandID == command.commandID)
    await fixture.clock.advance(by: .milliseconds(800))
    #expect(fixture.feedback() == .followingRoute, "continued until 1.5 s")
    await fixture.clock.advance(by: .seconds(1))
    #expect(fixture.feedback() == .commandTimedOut)
    #expect(abs(fixture.x - 1.5) < 1e-9, "stopped where the command expired")
    let late = fixture.navigateTo("", commandID: command.commandID)
    #expect(late.status == .unrecognizedCommand)
  }

  @Test func robotCommandsPowerOffAndNewCommandsOverrideANavigation() async {
    let fixture = Fixture(spacing: 1)
    fixture.standUp()
    _ = fixture.localize()
    let first = fixture.navigateTo("waypoint-3")
    await fixture.clock.advance(by: .milliseconds(500))
    let second = fixture.navigateTo("waypoint-0")
    #expect(fixture.feedback(first.commandID) == .commandOverridden)
    await fixture.clock.advance(by: .milliseconds(250))
    #expect(abs(fixture.x - 0.25) < 1e-9, "turned back at 0.5 m")
    var stop = Bosdyn_Api_RobotCommand()
    stop.fullBodyCommand.stopRequest = .init()
    _ = fixture.body.execute(stop)
    #expect(fixture.feedback(second.commandID) == .commandOverridden)
    let third = fixture.navigateTo("waypoint-2")
    _ = fixture.body.requestPower(on: false)
    #expect(fixture.feedback(third.commandID) == .commandOverridden)
    #expect(!fixture.body.isStanding, "powering off sits the robot")
  }

  @Test func routesAreCheckedAndFollowedFromWhereTheRobotJoinsThem() async {
    let fixture = Fixture(spacing: 1)
    fixture.standUp()
    _ = fixture.localize(.noFiducial, at: "waypoint-1")
    func edge(_ from: Int, _ to: Int) -> Bosdyn_Api_GraphNav_Edge.Id {
      var id = Bosdyn_Api_GraphNav_Edge.Id()
      id.fromWaypoint = "waypoint-\(from)"
      id.toWaypoint = "waypoint-\(to)"
      return id
    }
    func navigate(
      _ waypoints: [Int],
      _ edges: [Bosdyn_Api_GraphNav_Edge.Id],
      start: Bosdyn_Api_GraphNav_RouteFollowingParams.StartRouteBehavior = .startUnknown
    ) -> Bosdyn_Api_GraphNav_NavigateRouteResponse {
      var request = Bosdyn_Api_GraphNav_NavigateRouteRequest()
      request.route.waypointID = waypoints.map { "waypoint-\($0)" }
      request.route.edgeID = edges
      request.routeFollowParams.newCmdBehavior = start
      request.endTime = fixture.endTime(in: .seconds(30))
      return fixture.graphNav.navigateRoute(request)
    }
    #expect(navigate([2, 9], [edge(2, 9)]).status == .unknownRouteElements)
    #expect(navigate([2, 3], [edge(1, 2)]).status == .invalidEdge)
    #expect(
      navigate([2, 3], [edge(2, 3)], start: .startFailWhenNotOnRoute).status == .notLocalizedToRoute
    )
    let joined = navigate([2, 3], [edge(2, 3)])
    #expect(joined.status == .ok)
    await fixture.clock.advance(by: .seconds(2))
    #expect(fixture.feedback(joined.commandID) == .reachedGoal)
    #expect(abs(fixture.x - 2) < 1e-9, "from waypoint-1 onto the route at waypoint-2, then on")
  }

  @Test func clearingTheMapEndsTheNavigationAndTheLocalization() async {
    let fixture = Fixture(spacing: 1)
    fixture.standUp()
    _ = fixture.localize()
    let command = fixture.navigateTo("waypoint-3")
    await fixture.clock.advance(by: .milliseconds(500))
    fixture.graphNav.clearGraph()
    #expect(fixture.feedback(command.commandID) == .noRoute)
    #expect(fixture.graphNav.localizedWaypoint == nil)
    await fixture.clock.advance(by: .seconds(1))
    #expect(abs(fixture.x - 0.5) < 1e-9, "stopped when the map went")
  }
}
