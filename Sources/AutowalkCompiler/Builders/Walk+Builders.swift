public import BosdynAPI
import Foundation
import SwiftProtobuf

/// Builders for walks, so a walk reads like its list of stops (the tablet's recording, without
/// a tablet):
///
/// ```swift
/// let walk = Bosdyn_Api_Autowalk_Walk.walk("Gauges", elements: [
///   .element("Gauge 1", at: "waypoint-1",
///            action: .callback("gauge-reader", parameters: ["threshold": 3])),
///   .element("Gauge 2", at: "waypoint-2", action: .callback("gauge-reader"),
///            onActionFailure: .safePowerOff(retries: 1)),
/// ], postMissionCallbacks: [.callback("upload-data")])
/// ```
extension Bosdyn_Api_Autowalk_Walk {
  /// A walk named `name` visiting `elements` in order.
  ///
  /// - Parameters:
  ///   - name: The mission name (also the group name unless `groupName` is given).
  ///   - playback: How often the walk plays; once by default.
  ///   - groupName: The group name callbacks receive, with the start time appended.
  ///   - elements: The stops.
  ///   - docks: Docks the walk may return to (needed by the return-to-start behaviors).
  ///   - postMissionCallbacks: Callbacks run one after another once the elements are done.
  ///   - id: A unique id for the walk; a new UUID when `nil`.
  public static func walk(
    _ name: String,
    playback: Bosdyn_Api_Autowalk_PlaybackMode = .playOnce,
    groupName: String = "",
    elements: [Bosdyn_Api_Autowalk_Element],
    docks: [Bosdyn_Api_Autowalk_Dock] = [],
    postMissionCallbacks: [Bosdyn_Api_Autowalk_Action.RemoteGrpc] = [],
    id: String? = nil
  ) -> Self {
    var walk = Self()
    walk.missionName = name
    walk.id = id ?? UUID().uuidString
    walk.playbackMode = playback
    walk.globalParameters.groupName = groupName
    walk.globalParameters.postMissionCallbacks = postMissionCallbacks
    walk.elements = elements
    walk.docks = docks
    return walk
  }
}

extension Bosdyn_Api_Autowalk_PlaybackMode {
  /// Play the walk once.
  public static var playOnce: Self {
    var mode = Self()
    mode.once = .init()
    return mode
  }

  /// Play the walk `repetitions` times (0: without end), waiting `interval` between the end
  /// of one playback and the start of the next.
  public static func periodically(every interval: Duration, repetitions: Int32) -> Self {
    var mode = Self()
    mode.periodic.interval = .init(interval)
    mode.periodic.repetitions = repetitions
    return mode
  }

  /// Play the walk again and again.
  public static var continuously: Self {
    var mode = Self()
    mode.continuous = .init()
    return mode
  }
}

extension Bosdyn_Api_Autowalk_Dock {
  /// Dock `id` (the number on its fiducial, 500 or more), approached at `prepWaypoint`.
  public static func dock(_ id: UInt32, prepWaypoint: String, dockedWaypoint: String = "") -> Self {
    var dock = Self()
    dock.dockID = id
    dock.targetPrepPose = .navigateTo(prepWaypoint)
    dock.dockedWaypointID = dockedWaypoint
    return dock
  }
}

extension Bosdyn_Api_Autowalk_Target {
  /// Navigate to waypoint `id` by the route GraphNav chooses.
  public static func navigateTo(_ id: String) -> Self {
    var target = Self()
    target.navigateTo.destinationWaypointID = id
    return target
  }

  /// Follow the route through `waypoints` over `edges`.
  public static func navigateRoute(
    waypoints: [String],
    edges: [Bosdyn_Api_GraphNav_Edge.Id]
  ) -> Self {
    var target = Self()
    target.navigateRoute.route.waypointID = waypoints
    target.navigateRoute.route.edgeID = edges
    return target
  }
}

extension Google_Protobuf_Duration {
  /// A protobuf duration from a Swift one.
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self.init(seconds: seconds, nanos: Int32(attoseconds / 1_000_000_000))
  }
}
