import BosdynAPI

/// The map GraphNav holds: the waypoints and edges uploaded (merged across uploads, in the
/// order they first arrived), each waypoint's pose in a seed frame computed from the edges'
/// transforms, and shortest paths between waypoints.
///
/// Seed frame: within each connected part of the graph, the first waypoint with an anchor in
/// the uploaded anchoring sits at its anchor pose, else the part's first waypoint at the
/// origin; every other waypoint follows by composing `from_tform_to` along edges. Edges are
/// undirected, as GraphNav's are.
struct GraphNavMap {
  private(set) var graph = Bosdyn_Api_GraphNav_Graph()
  /// Waypoint id → position in `graph.waypoints`.
  private(set) var waypointIndex: [String: Int] = [:]
  /// Undirected edge key → position in `graph.edges`.
  private var edgeIndex: [EdgeKey: Int] = [:]
  private var neighbours: [String: [(waypoint: String, length: Double)]] = [:]
  private(set) var seedPoses: [String: Pose3] = [:]
  /// Changes whenever the map changes, so navigation commands can tell their map is gone.
  private(set) var epoch: UInt64 = 0

  /// An edge's endpoints without their direction.
  struct EdgeKey: Hashable {
    let low: String
    let high: String

    init(_ a: String, _ b: String) {
      (self.low, self.high) = a <= b ? (a, b) : (b, a)
    }

    init(_ id: Bosdyn_Api_GraphNav_Edge.Id) {
      self.init(id.fromWaypoint, id.toWaypoint)
    }
  }

  var isEmpty: Bool { self.graph.waypoints.isEmpty }

  func contains(waypoint id: String) -> Bool { self.waypointIndex[id] != nil }

  func edge(_ id: Bosdyn_Api_GraphNav_Edge.Id) -> Bosdyn_Api_GraphNav_Edge? {
    self.edgeIndex[EdgeKey(id)].map { self.graph.edges[$0] }
  }

  /// The waypoint's pose in the seed frame.
  func pose(of waypoint: String) -> Pose3 {
    self.seedPoses[waypoint] ?? .identity
  }

  /// The first waypoint uploaded (where a recording starts), if any.
  var firstWaypoint: String? { self.graph.waypoints.first?.id }

  /// Forgets everything.
  mutating func clear() {
    self = GraphNavMap(epoch: self.epoch + 1)
  }

  private init(epoch: UInt64) {
    self.epoch = epoch
  }

  init() {}

  /// Problems with an upload, in UploadGraphResponse's terms.
  typealias Validation = Bosdyn_Api_GraphNav_UploadGraphResponse.ValidationStatus

  /// Checks `upload` against this map (what it would be merged into, or nothing when
  /// `replacing`) and returns the errors found; an empty validation means the upload is good.
  func validate(_ upload: Bosdyn_Api_GraphNav_Graph, replacing: Bool) -> Validation {
    var validation = Validation()
    var seen: Set<String> = []
    for waypoint in upload.waypoints {
      if waypoint.id.isEmpty {
        validation.hasEmptyWaypointIds_p = true
      } else if !seen.insert(waypoint.id).inserted {
        validation.duplicateWaypointIds.append(waypoint.id)
      }
    }
    var edges: Set<EdgeKey> = []
    for edge in upload.edges {
      let id = edge.id
      if id.fromWaypoint.isEmpty || id.toWaypoint.isEmpty {
        validation.hasEmptyEdgeIds_p = true
        continue
      }
      if id.fromWaypoint == id.toWaypoint {
        validation.invalidWaypointIdsSelfEdges.append(id.fromWaypoint)
        continue
      }
      if !edges.insert(EdgeKey(id)).inserted {
        validation.duplicateEdgeIds.append(id)
      }
      for end in [id.fromWaypoint, id.toWaypoint]
      where !seen.contains(end) && (replacing || !self.contains(waypoint: end)) {
        validation.missingWaypointIdsInEdges.append(end)
      }
    }
    return validation
  }

  /// Adds `upload` to the map (or replaces the map with it): waypoints and edges with ids the
  /// map has already are replaced, new ones appended. Call ``validate(_:replacing:)`` first.
  mutating func merge(_ upload: Bosdyn_Api_GraphNav_Graph, replacing: Bool) {
    var graph = replacing ? Bosdyn_Api_GraphNav_Graph() : self.graph
    var waypointIndex = replacing ? [:] : self.waypointIndex
    var edgeIndex = replacing ? [:] : self.edgeIndex
    for waypoint in upload.waypoints {
      if let index = waypointIndex[waypoint.id] {
        graph.waypoints[index] = waypoint
      } else {
        waypointIndex[waypoint.id] = graph.waypoints.count
        graph.waypoints.append(waypoint)
      }
    }
    for edge in upload.edges {
      let key = EdgeKey(edge.id)
      if let index = edgeIndex[key] {
        graph.edges[index] = edge
      } else {
        edgeIndex[key] = graph.edges.count
        graph.edges.append(edge)
      }
    }
    if upload.hasAnchoring {
      var anchoring = replacing ? Bosdyn_Api_GraphNav_Anchoring() : graph.anchoring
      let uploaded = Set(upload.anchoring.anchors.map(\.id))
      anchoring.anchors.removeAll { uploaded.contains($0.id) }
      anchoring.anchors += upload.anchoring.anchors.filter { waypointIndex[$0.id] != nil }
      anchoring.objects += upload.anchoring.objects
      graph.anchoring = anchoring
    }
    self.graph = graph
    self.waypointIndex = waypointIndex
    self.edgeIndex = edgeIndex
    self.epoch += 1
    self.rebuild()
  }

  /// Writes an anchoring that puts every waypoint at its seed pose (`generate_new_anchoring`).
  mutating func generateAnchoring() {
    var anchoring = Bosdyn_Api_GraphNav_Anchoring()
    anchoring.anchors = self.graph.waypoints.map { waypoint in
      var anchor = Bosdyn_Api_GraphNav_Anchor()
      anchor.id = waypoint.id
      anchor.seedTformWaypoint = self.pose(of: waypoint.id).proto
      return anchor
    }
    anchoring.objects = self.graph.anchoring.objects
    self.graph.anchoring = anchoring
  }

  /// Recomputes the adjacency and the seed poses.
  private mutating func rebuild() {
    var neighbours: [String: [(waypoint: String, length: Double)]] = [:]
    var transforms: [String: [(waypoint: String, tform: Pose3)]] = [:]
    for edge in self.graph.edges {
      let from = edge.id.fromWaypoint
      let to = edge.id.toWaypoint
      let tform = edge.hasFromTformTo ? Pose3(edge.fromTformTo) : .identity
      let length = max(Pose3.identity.distance(to: tform), 1e-6)
      neighbours[from, default: []].append((to, length))
      neighbours[to, default: []].append((from, length))
      transforms[from, default: []].append((to, tform))
      transforms[to, default: []].append((from, tform.inverse))
    }
    self.neighbours = neighbours

    var anchors: [String: Pose3] = [:]
    for anchor in self.graph.anchoring.anchors where anchor.hasSeedTformWaypoint {
      anchors[anchor.id] = Pose3(anchor.seedTformWaypoint)
    }
    var poses: [String: Pose3] = [:]
    // Roots: anchored waypoints first (in map order), then every other waypoint in map order;
    // a breadth-first walk from each root not yet reached places its whole connected part.
    let ordered = self.graph.waypoints.map(\.id)
    let roots = ordered.filter { anchors[$0] != nil } + ordered
    for root in roots where poses[root] == nil {
      poses[root] = anchors[root] ?? .identity
      var queue = [root]
      var head = 0
      while head < queue.count {
        let current = queue[head]
        head += 1
        let pose = poses[current]!
        for (next, tform) in transforms[current] ?? [] where poses[next] == nil {
          poses[next] = pose * tform
          queue.append(next)
        }
      }
    }
    self.seedPoses = poses
  }

  /// The waypoints of a shortest path (by edge length) from `start` to `goal`, both included;
  /// `nil` when no path joins them.
  func shortestPath(from start: String, to goal: String) -> [String]? {
    guard self.contains(waypoint: start), self.contains(waypoint: goal) else { return nil }
    if start == goal { return [start] }
    var distance: [String: Double] = [start: 0]
    var previous: [String: String] = [:]
    var done: Set<String> = []
    var frontier = MinHeap()
    frontier.push(0, start)
    while let (cost, current) = frontier.pop() {
      guard done.insert(current).inserted else { continue }
      if current == goal { break }
      for (next, length) in self.neighbours[current] ?? [] where !done.contains(next) {
        let candidate = cost + length
        if candidate < distance[next] ?? .infinity {
          distance[next] = candidate
          previous[next] = current
          frontier.push(candidate, next)
        }
      }
    }
    guard done.contains(goal) else { return nil }
    var path = [goal]
    while let before = previous[path[path.count - 1]] { path.append(before) }
    return path.reversed()
  }

  /// The length of the shortest path from `start` to `goal`, or `nil` without one.
  func pathLength(from start: String, to goal: String) -> Double? {
    guard let path = self.shortestPath(from: start, to: goal) else { return nil }
    return zip(path, path.dropFirst()).reduce(0) { total, pair in
      total + self.pose(of: pair.0).distance(to: self.pose(of: pair.1))
    }
  }

  /// A binary heap of (cost, waypoint), smallest cost first.
  private struct MinHeap {
    private var items: [(Double, String)] = []

    mutating func push(_ cost: Double, _ waypoint: String) {
      self.items.append((cost, waypoint))
      var child = self.items.count - 1
      while child > 0 {
        let parent = (child - 1) / 2
        guard self.items[child].0 < self.items[parent].0 else { break }
        self.items.swapAt(child, parent)
        child = parent
      }
    }

    mutating func pop() -> (Double, String)? {
      guard !self.items.isEmpty else { return nil }
      self.items.swapAt(0, self.items.count - 1)
      let top = self.items.removeLast()
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var smallest = parent
        if left < self.items.count && self.items[left].0 < self.items[smallest].0 {
          smallest = left
        }
        if right < self.items.count && self.items[right].0 < self.items[smallest].0 {
          smallest = right
        }
        guard smallest != parent else { break }
        self.items.swapAt(parent, smallest)
        parent = smallest
      }
      return top
    }
  }
}
