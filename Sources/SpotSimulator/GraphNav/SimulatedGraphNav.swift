import BosdynAPI
public import BosdynCore
import Foundation
import Synchronization

/// The simulated robot's GraphNav: the map (graph and snapshots), where the robot is localized
/// on it, and navigation commands that walk the ``SimulatedBody`` along the map's edges.
///
/// Navigation is kinematic and computed from the clock, like the body's power transitions: a
/// command plans the shortest path through the graph (edge lengths from their transforms),
/// and the body walks it at the command's velocity limit (``Configuration/defaultSpeed`` when
/// it gives none) while the command has not expired, the motors are on and the robot stands.
/// Reaching the last waypoint is `STATUS_REACHED_GOAL`.
///
/// ```swift
/// let graphNav = SimulatedGraphNav(body: body, clock: clock)
/// _ = graphNav.uploadGraph(upload)                 // UploadGraphRequest
/// _ = graphNav.setLocalization(fiducialNearest)    // at the first waypoint
/// let command = graphNav.navigateTo(request)       // NavigateToRequest
/// graphNav.feedback(.init()).status                // .followingRoute, then .reachedGoal
/// ```
public final class SimulatedGraphNav: Sendable {
  /// How GraphNav behaves.
  public struct Configuration: Sendable {
    /// Meters per second when a command's travel params give no velocity limit.
    public var defaultSpeed: Double
    /// The furthest in the future a command's `end_time` may lie (`STATUS_TOO_DISTANT`
    /// beyond). Spot does not document its limit.
    public var maximumCommandDuration: Duration
    /// The most bytes of waypoint and edge snapshots kept; the oldest go first.
    public var snapshotCacheBytes: Int
    /// The most bytes one uploaded message (graph, snapshot) may have.
    public var maximumUploadBytes: UInt64

    /// Creates a configuration.
    public init(
      defaultSpeed: Double = 1.0,
      maximumCommandDuration: Duration = .seconds(3600),
      snapshotCacheBytes: Int = 256 * 1024 * 1024,
      maximumUploadBytes: UInt64 = 64 * 1024 * 1024
    ) {
      self.defaultSpeed = defaultSpeed
      self.maximumCommandDuration = maximumCommandDuration
      self.snapshotCacheBytes = snapshotCacheBytes
      self.maximumUploadBytes = maximumUploadBytes
    }

    /// 1 m/s, commands up to an hour ahead, 256 MiB of snapshots, 64 MiB uploads.
    public static var defaults: Self { Self() }
  }

  /// The configuration GraphNav was created with.
  public let configuration: Configuration
  /// The body navigation moves.
  public let body: SimulatedBody
  /// The robot's clock: command end times are compared with its wall time.
  public let clock: RobotClock
  let state = Mutex(State())

  /// Creates GraphNav with no map and no localization.
  public init(
    body: SimulatedBody,
    configuration: Configuration = .defaults,
    clock: RobotClock = .system()
  ) {
    self.body = body
    self.configuration = configuration
    self.clock = clock
  }

  struct State {
    var map = GraphNavMap()
    var waypointSnapshots = SnapshotCache()
    var edgeSnapshots = SnapshotCache()
    /// `seed_tform_odom` and the waypoint the robot was localized to; `nil` when not localized.
    var localization: Localization?
    var commands: [UInt32: NavigationCommand] = [:]
    var currentCommand: UInt32?
    var nextCommandID: UInt32 = 1
  }

  struct Localization {
    var seedTformOdom: Pose3
    var waypoint: String
    /// The navigation command issued since this localization, whose path tells where the robot
    /// is now.
    var command: UInt32?
  }

  /// A navigation command: the body motion walking it and the path it follows.
  struct NavigationCommand {
    var id: UInt32
    var motionID: UInt64
    /// The map the path was planned on.
    var mapEpoch: UInt64
    /// The waypoint at each vertex of the motion's path (the first is where the robot was).
    var vertexWaypoints: [String]
    /// The vertices in the seed frame.
    var vertexPoses: [Pose3]
    /// The route's waypoints still to come are those after the vertex the robot is nearest.
    var routeEdges: [Bosdyn_Api_GraphNav_Edge.Id]
    var goal: Pose3
  }

  /// Serialized snapshots by id, oldest first out when over the byte budget.
  struct SnapshotCache {
    private(set) var data: [String: Data] = [:]
    private var order: [String] = []
    private(set) var bytes = 0

    mutating func store(_ id: String, _ bytes: Data, budget: Int) {
      if let old = self.data[id] {
        self.bytes -= old.count
        self.order.removeAll { $0 == id }
      }
      self.data[id] = bytes
      self.order.append(id)
      self.bytes += bytes.count
      while self.bytes > budget, self.order.count > 1 {
        let oldest = self.order.removeFirst()
        self.bytes -= self.data.removeValue(forKey: oldest)?.count ?? 0
      }
    }

    func contains(_ id: String) -> Bool { self.data[id] != nil }
  }
}
