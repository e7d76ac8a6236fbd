public import BosdynAPI

/// A GraphNav map laid out as a straight line, the map a walk needs when there was no
/// recording: waypoint `waypoint-0` (the start) and one waypoint every `spacing` meters ahead
/// of it, joined by edges, each waypoint and edge with a small snapshot, as a recording
/// uploads them.
///
/// ```swift
/// let map = StraightLineMap(waypoints: 4, spacing: 1.0)
/// map.graph.waypoints.map(\.id)  // ["waypoint-0", "waypoint-1", "waypoint-2", "waypoint-3"]
/// ```
public struct StraightLineMap: Sendable {
  /// The waypoints and edges.
  public var graph: Bosdyn_Api_GraphNav_Graph
  /// One snapshot per waypoint.
  public var waypointSnapshots: [Bosdyn_Api_GraphNav_WaypointSnapshot]
  /// One snapshot per edge.
  public var edgeSnapshots: [Bosdyn_Api_GraphNav_EdgeSnapshot]

  /// The id of waypoint `index` (0 is the start).
  public static func waypointID(_ index: Int) -> String { "waypoint-\(index)" }

  /// A line of `waypoints` waypoints (at least one), `spacing` meters apart along +x.
  ///
  /// - Parameters:
  ///   - waypoints: How many waypoints; fewer than one makes one.
  ///   - spacing: Meters between neighbouring waypoints.
  ///   - names: Waypoint names (annotations), by index; unnamed ones are `waypoint-N`.
  public init(waypoints: Int, spacing: Double = 1.0, names: [Int: String] = [:]) {
    var graph = Bosdyn_Api_GraphNav_Graph()
    var waypointSnapshots: [Bosdyn_Api_GraphNav_WaypointSnapshot] = []
    var edgeSnapshots: [Bosdyn_Api_GraphNav_EdgeSnapshot] = []
    for index in 0..<max(1, waypoints) {
      var waypoint = Bosdyn_Api_GraphNav_Waypoint()
      waypoint.id = Self.waypointID(index)
      waypoint.snapshotID = "snapshot-\(waypoint.id)"
      waypoint.annotations.name = names[index] ?? waypoint.id
      waypoint.waypointTformKo.rotation.w = 1
      graph.waypoints.append(waypoint)
      var snapshot = Bosdyn_Api_GraphNav_WaypointSnapshot()
      snapshot.id = waypoint.snapshotID
      waypointSnapshots.append(snapshot)
      guard index > 0 else { continue }
      var edge = Bosdyn_Api_GraphNav_Edge()
      edge.id.fromWaypoint = Self.waypointID(index - 1)
      edge.id.toWaypoint = waypoint.id
      edge.snapshotID = "snapshot-edge-\(index - 1)-\(index)"
      edge.fromTformTo.position.x = spacing
      edge.fromTformTo.rotation.w = 1
      graph.edges.append(edge)
      var edgeSnapshot = Bosdyn_Api_GraphNav_EdgeSnapshot()
      edgeSnapshot.id = edge.snapshotID
      edgeSnapshots.append(edgeSnapshot)
    }
    self.graph = graph
    self.waypointSnapshots = waypointSnapshots
    self.edgeSnapshots = edgeSnapshots
  }
}
