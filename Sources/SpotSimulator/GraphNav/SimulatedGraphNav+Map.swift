public import BosdynAPI
public import Foundation
import SwiftProtobuf
import Synchronization

extension SimulatedGraphNav {
  /// The map as DownloadGraph returns it: every waypoint and edge uploaded, and the anchoring.
  public var graph: Bosdyn_Api_GraphNav_Graph {
    self.state.withLock { $0.map.graph }
  }

  /// Whether a map is loaded (it has at least one waypoint).
  public var hasMap: Bool {
    self.state.withLock { !$0.map.isEmpty }
  }

  /// Whether the map has waypoint `id`.
  public func contains(waypoint id: String) -> Bool {
    self.state.withLock { $0.map.contains(waypoint: id) }
  }

  /// Clears the graph and the localization (ClearGraph). Snapshots stay cached, as on the
  /// robot, so uploading the same map again needs no snapshot uploads.
  public func clearGraph() {
    self.state.withLock { state in
      state.map.clear()
      state.localization = nil
      self.endNavigation(in: &state)
    }
  }

  /// Merges the request's graph into the map, or replaces the map with it (UploadGraph).
  ///
  /// An invalid graph (empty or duplicate ids, self edges, edges to waypoints that do not
  /// exist) changes nothing and answers `STATUS_INVALID_GRAPH` with the validation status.
  /// Otherwise the response lists, for every snapshot id the uploaded waypoints and edges name,
  /// whether it is cached (`loaded_…`) or must be uploaded (`unknown_…`). A localization stays
  /// where it was when its waypoint is still in the map; a navigation under way ends.
  public func uploadGraph(
    _ request: Bosdyn_Api_GraphNav_UploadGraphRequest
  ) -> Bosdyn_Api_GraphNav_UploadGraphResponse {
    self.state.withLock { state in
      var response = Bosdyn_Api_GraphNav_UploadGraphResponse()
      let validation = state.map.validate(request.graph, replacing: request.replaceGraph)
      guard validation == GraphNavMap.Validation() else {
        response.status = .invalidGraph
        response.validationStatus = validation
        return response
      }
      let kept = state.localization.flatMap { localization -> (String, Pose3)? in
        let body = localization.seedTformOdom * Self.odomPose(self.body)
        let waypoint = self.currentWaypoint(in: state, localization: localization, body: body)
        return (waypoint, state.map.pose(of: waypoint).inverse * body)
      }
      self.endNavigation(in: &state)
      state.map.merge(request.graph, replacing: request.replaceGraph)
      if request.generateNewAnchoring { state.map.generateAnchoring() }
      if let (waypoint, waypointTformBody) = kept, state.map.contains(waypoint: waypoint) {
        state.localization = Localization(
          seedTformOdom: state.map.pose(of: waypoint) * waypointTformBody
            * Self.odomPose(self.body).inverse,
          waypoint: waypoint
        )
      } else {
        state.localization = nil
      }
      response.status = .ok
      response.replacedGraph = request.replaceGraph
      for waypoint in request.graph.waypoints where !waypoint.snapshotID.isEmpty {
        if state.waypointSnapshots.contains(waypoint.snapshotID) {
          response.loadedWaypointSnapshotIds.append(waypoint.snapshotID)
        } else {
          response.unknownWaypointSnapshotIds.append(waypoint.snapshotID)
        }
      }
      for edge in request.graph.edges where !edge.snapshotID.isEmpty {
        if state.edgeSnapshots.contains(edge.snapshotID) {
          response.loadedEdgeSnapshotIds.append(edge.snapshotID)
        } else {
          response.unknownEdgeSnapshotIds.append(edge.snapshotID)
        }
      }
      response.licenseStatus = .valid
      response.mapStats = Self.stats(state)
      return response
    }
  }

  /// Stores a waypoint snapshot (UploadWaypointSnapshot, once its chunks are joined).
  ///
  /// - Throws: When the bytes are not a WaypointSnapshot or it has no id.
  public func storeWaypointSnapshot(_ bytes: Data) throws -> Bosdyn_Api_GraphNav_MapStats {
    let snapshot = try Bosdyn_Api_GraphNav_WaypointSnapshot(serializedBytes: bytes)
    guard !snapshot.id.isEmpty else { throw SnapshotError("the waypoint snapshot has no id") }
    return self.state.withLock { state in
      state.waypointSnapshots.store(
        snapshot.id,
        bytes,
        budget: self.configuration.snapshotCacheBytes
      )
      return Self.stats(state)
    }
  }

  /// Stores an edge snapshot (UploadEdgeSnapshot, once its chunks are joined).
  ///
  /// - Throws: When the bytes are not an EdgeSnapshot or it has no id.
  public func storeEdgeSnapshot(_ bytes: Data) throws -> Bosdyn_Api_GraphNav_MapStats {
    let snapshot = try Bosdyn_Api_GraphNav_EdgeSnapshot(serializedBytes: bytes)
    guard !snapshot.id.isEmpty else { throw SnapshotError("the edge snapshot has no id") }
    return self.state.withLock { state in
      state.edgeSnapshots.store(snapshot.id, bytes, budget: self.configuration.snapshotCacheBytes)
      return Self.stats(state)
    }
  }

  /// Stores every snapshot of an UploadSnapshots batch.
  ///
  /// - Throws: When a snapshot has no id (nothing is stored then).
  public func storeSnapshots(
    _ snapshots: Bosdyn_Api_GraphNav_UploadSnapshotsRequest.Snapshots
  ) throws -> Bosdyn_Api_GraphNav_MapStats {
    guard snapshots.waypointSnapshots.allSatisfy({ !$0.id.isEmpty }),
      snapshots.edgeSnapshots.allSatisfy({ !$0.id.isEmpty })
    else { throw SnapshotError("a snapshot in the batch has no id") }
    let waypoints = try snapshots.waypointSnapshots.map {
      ($0.id, try $0.serializedBytes() as Data)
    }
    let edges = try snapshots.edgeSnapshots.map { ($0.id, try $0.serializedBytes() as Data) }
    return self.state.withLock { state in
      let budget = self.configuration.snapshotCacheBytes
      for (id, bytes) in waypoints { state.waypointSnapshots.store(id, bytes, budget: budget) }
      for (id, bytes) in edges { state.edgeSnapshots.store(id, bytes, budget: budget) }
      return Self.stats(state)
    }
  }

  /// The serialized waypoint snapshot `id`, if cached.
  public func waypointSnapshot(_ id: String) -> Data? {
    self.state.withLock { $0.waypointSnapshots.data[id] }
  }

  /// The serialized edge snapshot `id`, if cached.
  public func edgeSnapshot(_ id: String) -> Data? {
    self.state.withLock { $0.edgeSnapshots.data[id] }
  }

  /// Why a snapshot upload was refused.
  public struct SnapshotError: Error, CustomStringConvertible {
    /// What was wrong.
    public let description: String

    init(_ description: String) {
      self.description = description
    }
  }

  /// The map's statistics, as upload responses report them.
  static func stats(_ state: State) -> Bosdyn_Api_GraphNav_MapStats {
    func stat(_ count: Int, _ bytes: Int = 0) -> Bosdyn_Api_GraphNav_MapStats.Stat {
      var stat = Bosdyn_Api_GraphNav_MapStats.Stat()
      stat.count = Int32(clamping: count)
      stat.numBytes = Int64(bytes)
      return stat
    }
    var stats = Bosdyn_Api_GraphNav_MapStats()
    let graph = state.map.graph
    stats.waypoints = stat(graph.waypoints.count)
    stats.edges = stat(graph.edges.count)
    stats.waypointSnapshots = stat(
      state.waypointSnapshots.data.count,
      state.waypointSnapshots.bytes
    )
    stats.edgeSnapshots = stat(state.edgeSnapshots.data.count, state.edgeSnapshots.bytes)
    stats.waypointAnchors = stat(graph.anchoring.anchors.count)
    stats.objectAnchors = stat(graph.anchoring.objects.count)
    stats.totalPathLength = graph.edges.reduce(0) { total, edge in
      total + Pose3.identity.distance(to: Pose3(edge.fromTformTo))
    }
    return stats
  }
}
