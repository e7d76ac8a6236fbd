import AutowalkCompiler
import BosdynAPI
import BosdynRobot
import Foundation
import Logging

/// A walk directory as the tablet saves it (`graph`, `waypoint_snapshots/`, `edge_snapshots/`,
/// `missions/NAME`): the map is cleared and uploaded, the walk loaded through the Autowalk
/// service, and the robot localized on the map before the walk plays.
struct AutowalkMission: MissionSource {
  let directory: String
  let walkFileName: String
  private(set) var contents: WalkDirectory
  /// Whether to localize the robot (to the nearest fiducial) before playing.
  let localizes: Bool
  let failsOnQuestion: Bool

  var summary: String { "Autowalk mission \(self.directory)/missions/\(self.walkFileName)" }

  /// Reads the whole directory, so that a missing or malformed file is reported before
  /// anything happens on the robot.
  ///
  /// - Throws: ``ReplayFailure`` naming the directory or the file and what is wrong with it.
  init(
    directory: String,
    walkFileName: String,
    localizes: Bool,
    failsOnQuestion: Bool,
    disablesAlternateRouteFinding: Bool = false
  ) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory),
      isDirectory.boolValue
    else {
      throw ReplayFailure("Unable to find walk directory: \(directory)")
    }
    let walkFile = "\(directory)/missions/\(walkFileName)"
    guard FileManager.default.fileExists(atPath: walkFile) else {
      throw ReplayFailure("Unable to find mission file: \(walkFile)")
    }
    do {
      self.contents = try WalkDirectory.read(
        from: URL(fileURLWithPath: directory),
        walkFileName: walkFileName
      )
    } catch {
      throw ReplayFailure("Cannot read the walk directory: \(error.description)")
    }
    if disablesAlternateRouteFinding {
      // As the example does: every edge of the uploaded map says so.
      for index in self.contents.graph.edges.indices {
        self.contents.graph.edges[index].annotations.disableAlternateRouteFinding = true
      }
    }
    self.directory = directory
    self.walkFileName = walkFileName
    self.localizes = localizes
    self.failsOnQuestion = failsOnQuestion
  }

  func load(on connection: RobotConnection, wallet: LeaseWallet, logger: Logger) async throws {
    let graphNav = GraphNavClient(connection: connection, wallet: wallet)
    logger.info("Clearing graph-nav state...")
    try await graphNav.clearGraph()
    let graph = self.contents.graph
    logger.info(
      "Uploading the graph (\(graph.waypoints.count) waypoints, \(graph.edges.count) edges) and its snapshots..."
    )
    // A map recorded without anchoring gets one generated, as the tablet's maps do.
    let response = try await graphNav.uploadMap(
      graph,
      waypointSnapshots: self.contents.waypointSnapshots,
      edgeSnapshots: self.contents.edgeSnapshots,
      generateNewAnchoring: graph.anchoring.anchors.isEmpty
    )
    let waypointSnapshots = response.unknownWaypointSnapshotIds.count
    let edgeSnapshots = response.unknownEdgeSnapshotIds.count
    logger.info(
      "Uploaded the map, \(waypointSnapshots) waypoint and \(edgeSnapshots) edge snapshots."
    )
    logger.info("Uploading the walk to the robot...")
    let loaded = try await AutowalkClient(connection: connection, wallet: wallet).load(
      self.contents.walk
    )
    let elements = self.contents.walk.elements
    Output.lines(
      ["Loaded walk \"\(self.contents.walk.missionName)\" (mission \(loaded.missionID)):"]
        + elements.enumerated().map { index, element in
          "  \(index + 1). \(element.name.isEmpty ? "Element \(index + 1)" : element.name)"
            + (element.action.remoteGrpc.serviceName.isEmpty
              ? "" : " (callback \(element.action.remoteGrpc.serviceName))")
        }
    )
  }

  /// `Element 2 of 3, Gauge: walking to its target` or `…: performing its action`, from the
  /// node names the compiler gives each element (its name, then `NAME: navigation` and
  /// `NAME: action`).
  func stage(running: [String]) -> String? {
    let running = Set(running)
    let elements = self.contents.walk.elements
    for (index, element) in elements.enumerated() {
      let name = element.name.isEmpty ? "Element \(index + 1)" : element.name
      guard running.contains(name) else { continue }
      let doing =
        running.contains("\(name): action")
        ? "performing its action"
        : running.contains("\(name): navigation") ? "walking to its target" : "starting"
      return "Element \(index + 1) of \(elements.count), \(name): \(doing)"
    }
    return nil
  }

  func prepareToPlay(on connection: RobotConnection, wallet: LeaseWallet, logger: Logger)
    async throws
  {
    guard self.localizes else { return }
    logger.info("Localizing robot...")
    let graphNav = GraphNavClient(connection: connection, wallet: wallet)
    let localization = try await graphNav.setLocalization(fiducialInit: .nearest)
    logger.info("Localized at waypoint \(localization.waypointID).")
  }
}
