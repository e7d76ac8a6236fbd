import AutowalkCompiler
import BosdynAPI
import BosdynCore
import BosdynRobot
import Foundation
import SpotSimulator
import SwiftProtobuf
import TestSupport
import Testing

/// The Swift GraphNav and Autowalk clients against the simulated robot, over TLS.
@Suite("GraphNav and Autowalk against the simulated robot")
struct GraphNavAndAutowalkEndToEndTests {
  static func inSeconds(_ seconds: Double) -> Google_Protobuf_Timestamp {
    Google_Protobuf_Timestamp(date: Date().addingTimeInterval(seconds))
  }

  static func standUp(_ simulator: SimulatedRobot) async throws {
    _ = simulator.body.requestPower(on: true)
    try await waitUntil("the motors on") { simulator.body.isPoweredOn }
    var stand = Bosdyn_Api_RobotCommand()
    stand.synchronizedCommand.mobilityCommand.standRequest = .init()
    _ = simulator.body.execute(stand)
  }

  @Test func graphNavUploadsTheMapLocalizesAndNavigates() async throws {
    try await withSimulatedRobotConnection { simulator, robot in
      let wallet = LeaseWallet(clientName: "tester")
      try await LeaseClient(connection: robot, wallet: wallet).acquire()
      let graphNav = GraphNavClient(connection: robot, wallet: wallet)
      let map = StraightLineMap(waypoints: 3, spacing: 0.5)
      try await graphNav.clearGraph()
      let first = try await graphNav.uploadMap(
        map.graph,
        waypointSnapshots: map.waypointSnapshots,
        edgeSnapshots: map.edgeSnapshots
      )
      #expect(first.unknownWaypointSnapshotIds.count == 3)
      let again = try await graphNav.uploadGraph(map.graph)
      #expect(again.loadedWaypointSnapshotIds.count == 3 && again.unknownEdgeSnapshotIds.isEmpty)
      #expect(try await graphNav.downloadGraph() == map.graph)
      #expect(
        try await graphNav.downloadWaypointSnapshot("snapshot-waypoint-1").id
          == "snapshot-waypoint-1"
      )
      let missing = await #expect(throws: ClientError.self) {
        try await graphNav.downloadEdgeSnapshot("nothing")
      }
      #expect(missing?.code == .snapshotNotFound)

      let localization = try await graphNav.setLocalization()
      #expect(localization.waypointID == "waypoint-0")

      let impaired = await #expect(throws: ClientError.self) {
        try await graphNav.navigateTo("waypoint-2", endTime: Self.inSeconds(10))
      }
      #expect(impaired?.code == .robotImpaired, "motors off")
      try await Self.standUp(simulator)
      let unknown = await #expect(throws: ClientError.self) {
        try await graphNav.navigateTo("nowhere", endTime: Self.inSeconds(10))
      }
      #expect(unknown?.code == .unknownWaypoint)
      #expect(unknown?.message.contains("nowhere") == true)

      var fast = Bosdyn_Api_GraphNav_TravelParams()
      fast.velocityLimit.maxVel.linear.x = 5
      let id = try await graphNav.navigateTo(
        "waypoint-2",
        endTime: Self.inSeconds(10),
        travelParams: fast
      )
      let status = try await eventually("the goal") {
        () async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse.Status? in
        let status = try await graphNav.navigationFeedback(commandID: id).status
        return status == .followingRoute ? nil : status
      }
      #expect(status == .reachedGoal)
      let state = try await graphNav.localizationState()
      #expect(state.localization.waypointID == "waypoint-2")
      let robotState = try await RobotStateClient(connection: robot).state()
      let odom = robotState.kinematicState.transformsSnapshot.childToParentEdgeMap["odom"]
      #expect(abs((odom?.parentTformChild.position.x ?? 0) + 1) < 1e-6, "odometry followed")

      var invalid = map.graph
      invalid.waypoints.append(invalid.waypoints[0])
      let refused = await #expect(throws: ClientError.self) {
        try await graphNav.uploadGraph(invalid)
      }
      #expect(refused?.code == .invalidGraph)
      let validation = (refused?.response as? Bosdyn_Api_GraphNav_UploadGraphResponse)?
        .validationStatus
      #expect(validation?.duplicateWaypointIds == ["waypoint-0"])
    }
  }

  @Test func autowalkCompilesLoadsAndNamesTheElementsItCannotLoad() async throws {
    try await withSimulatedRobotConnection { simulator, robot in
      let wallet = LeaseWallet(clientName: "tester")
      try await LeaseClient(connection: robot, wallet: wallet).acquire()
      let autowalk = AutowalkClient(connection: robot, wallet: wallet)
      let walk = Bosdyn_Api_Autowalk_Walk.walk(
        "Loadable",
        elements: [
          .element("Stop", at: "waypoint-1"),
          .element("Visit", at: "waypoint-2", action: .sleep(.milliseconds(100))),
        ]
      )
      let compiled = try await autowalk.compile(walk)
      #expect(compiled.status == .ok)
      #expect(compiled.elementIdentifiers.count == 2)
      #expect(compiled.elementIdentifiers[1].actionID.nodeID > 0)

      let noMap = await #expect(throws: ClientError.self) { try await autowalk.load(walk) }
      #expect(noMap?.code == .validationError)
      #expect(
        noMap?.autowalkFailedElements[0]?.errors == [
          "no map is uploaded to graph-nav-service (upload the walk's graph first)"
        ]
      )

      let map = StraightLineMap(waypoints: 2)
      try await GraphNavClient(connection: robot).uploadGraph(map.graph)
      let callback = Bosdyn_Api_Autowalk_Walk.walk(
        "Unloadable",
        elements: [
          .element("Fine", at: "waypoint-1"),
          .element("Absent", at: "waypoint-1", action: .callback("no-such-callback")),
          .element("Off the map", at: "waypoint-2"),
        ]
      )
      let refused = await #expect(throws: ClientError.self) { try await autowalk.load(callback) }
      #expect(refused?.code == .validationError)
      let elements = refused?.autowalkFailedElements ?? [:]
      #expect(elements.keys.sorted() == [1, 2])
      #expect(
        elements[1]?.errors == ["callback 'no-such-callback' is not in the robot's directory"]
      )
      #expect(
        elements[2]?.errors == [
          "waypoint 'waypoint-2' is not in the map uploaded to graph-nav-service"
        ]
      )

      let loadable = Bosdyn_Api_Autowalk_Walk.walk(
        "Loadable",
        elements: [.element("Stop", at: "waypoint-1")]
      )
      let loaded = try await autowalk.load(loadable)
      #expect(loaded.missionID > 0)
      #expect(loaded.elementIdentifiers.first?.navigationID.nodeID ?? 0 > 0)
      let info = try await MissionClient(connection: robot).info()
      #expect(info?.id == loaded.missionID)

      let noDock = Bosdyn_Api_Autowalk_Walk.walk(
        "No dock",
        elements: [
          .element("Far", at: "waypoint-1", onNavigationFailure: .returnToStartAndTerminate())
        ]
      )
      let uncompiled = await #expect(throws: ClientError.self) {
        try await autowalk.compile(noDock)
      }
      #expect(uncompiled?.code == .compilationError)
      #expect(uncompiled?.autowalkFailedElements[0]?.errors.first?.contains("needs a dock") == true)
    }
  }
}
