import AutowalkCompiler
import Foundation
import BosdynAPI
import BosdynCore
import MissionExecutor
import SpotSimulator
import Synchronization

/// The walk being composed and, once played, the mission it became on the robot's own mission
/// service (the one `bosdyn mission state` and every gRPC client see).
///
/// Playing takes the body lease the way the tablet does (as `spot-console` and the signed-in
/// user), loads the walk as a mission with it (which establishes a session with every
/// callback), and plays it. The lease is returned when the mission ends, is stopped, or is
/// replaced by another client's mission.
final class WalkPlayer: Sendable {
  /// The walk's mission on the mission service, and what the console has read of it.
  struct Playing {
    var missionID: Int64
    var lease: Bosdyn_Api_Lease?
    var tree: [(id: Int64, name: String, depth: Int)]
    var results: [Int64: Bosdyn_Api_Mission_State.NodeStatesAtTick.NodeState] = [:]
    var ticks: [Int64: Int] = [:]
    /// Whether ticks dropped out of the mission service's history before the console read
    /// them (nobody watched for a while): tick counts are then lower bounds.
    var missedTicks = false
    var lastTick: Int64 = -1
    /// The number of the first callback call the walk's mission made and of its first
    /// connection (the timeline starts there), and when it was loaded.
    var firstCall: Int
    var firstConnection: Int
    var loadedAt: Date
    /// How it was loaded: Play resumes only a walk loaded the same way.
    var mode: PlayMode
  }

  /// The walk and its mission, behind ``state``.
  struct State {
    var steps: [WalkStep] = []
    var playing: Playing?
    var loadError = ""
    /// Whether a Play is under way (taking the lease, loading): one at a time, since a second
    /// would take the lease the first is loading with.
    var isStarting = false
  }

  let robot: SimulatedRobot
  private let callbackTimeout: Duration
  let state = Mutex(State())

  /// The player of `robot`'s mission service; callbacks in a walk may run for
  /// `callbackTimeout` each.
  init(robot: SimulatedRobot, callbackTimeout: Duration) {
    self.robot = robot
    self.callbackTimeout = callbackTimeout
  }

  // MARK: Composing

  /// The walk's steps, in order.
  var steps: [WalkStep] { self.state.withLock { $0.steps } }

  /// The most actions a walk holds: far more than an operator records, few enough that the
  /// page (re-rendered after every change) and a save stay quick.
  static let maximumSteps = 1_000

  /// What the page says when a walk would exceed ``maximumSteps``.
  static let tooManyStepsMessage =
    "A walk holds at most \(maximumSteps) actions; remove some or save this one and start another."

  /// Adds `step` at the end of the walk; `false` (nothing added) when the walk is full.
  func add(_ step: WalkStep) -> Bool {
    self.state.withLock { state in
      guard state.steps.count < Self.maximumSteps else { return false }
      state.steps.append(step)
      return true
    }
  }

  /// Replaces the walk's steps with `steps` (a loaded walk); `false` (nothing replaced) when
  /// they are more than a walk holds.
  func replace(with steps: [WalkStep]) -> Bool {
    guard steps.count <= Self.maximumSteps else { return false }
    self.state.withLock { $0.steps = steps }
    return true
  }

  /// Removes the step with id `id`; `false` when there is none.
  func remove(id: String) -> Bool {
    self.state.withLock { state in
      guard let index = state.steps.firstIndex(where: { $0.id == id }) else { return false }
      state.steps.remove(at: index)
      return true
    }
  }

  /// Moves the step with id `id` one place earlier (`up`) or later; `false` when it cannot.
  func move(id: String, up: Bool) -> Bool {
    self.state.withLock { state in
      guard let index = state.steps.firstIndex(where: { $0.id == id }) else { return false }
      let other = up ? index - 1 : index + 1
      guard state.steps.indices.contains(other) else { return false }
      state.steps.swapAt(index, other)
      return true
    }
  }

  // MARK: Playing

  /// How a walk is played.
  enum PlayMode: Sendable, Equatable {
    /// The actions in order as one mission, where the robot is: what the console's mission
    /// file holds.
    case mission
    /// As the tablet plays a walk: the walk directory's map uploaded to GraphNav, the robot
    /// localized at its start, and the walk loaded through the Autowalk service, whose
    /// mission powers on, stands and walks to each action's waypoint.
    case autowalk
  }

  /// Resumes the walk's paused mission, or loads the walk as a new mission and plays it.
  ///
  /// - Returns: A message for the page, and whether it reports a refusal.
  func play(username: String, mode: PlayMode = .mission) async -> (message: String, isError: Bool) {
    let claimed = self.state.withLock { state -> Bool in
      defer { state.isStarting = true }
      return !state.isStarting
    }
    guard claimed else {
      return ("The walk is still being loaded; it plays when the load ends.", true)
    }
    defer { self.state.withLock { $0.isStarting = false } }
    let controller = self.robot.missions
    let current = controller.state()
    let paused = self.state.withLock { state -> Bosdyn_Api_Lease? in
      guard let playing = state.playing, playing.missionID == current.missionID,
        current.status == .paused, playing.mode == mode, let lease = playing.lease
      else { return nil }
      return lease
    }
    if let lease = paused {
      controller.play(pauseAt: nil, leases: [lease])
      return ("Resumed the walk.", false)
    }
    let steps = self.steps
    guard !steps.isEmpty else { return ("The walk has no actions yet.", true) }
    self.finish()
    var owner = Bosdyn_Api_LeaseOwner()
    owner.clientName = RobotControls.clientName
    owner.userName = username
    let taken = self.robot.leases.take(resource: "body", owner: owner)
    guard taken.status == .ok else {
      return ("Could not take the body lease (\(taken.status)).", true)
    }
    let firstCall = self.robot.callbackCalls.nextNumber
    let firstConnection = self.robot.callbackCalls.nextConnection
    let loadedAt = self.robot.configuration.clock.wallNow
    // Loading establishes a session with every callback, which can take longer than the
    // robot keeps a lease nobody retains: retained meanwhile, as the tablet's keep-alive does.
    let loaded = await self.robot.leases.whileRetaining(taken.lease) {
      switch mode {
      case .mission: await self.loadMission(steps, lease: taken.lease)
      case .autowalk: await self.loadAutowalk(steps, lease: taken.lease)
      }
    }
    let info: Bosdyn_Api_Mission_MissionInfo
    switch loaded {
    case .success(let loadedInfo): info = loadedInfo
    case .failure(let refusal):
      _ = self.robot.leases.returnLease(taken.lease)
      self.state.withLock { $0.loadError = refusal.message }
      return (refusal.message, true)
    }
    self.state.withLock { state in
      state.loadError = ""
      state.playing = Playing(
        missionID: info.id,
        lease: taken.lease,
        tree: Self.flatten(info.root),
        firstCall: firstCall,
        firstConnection: firstConnection,
        loadedAt: loadedAt,
        mode: mode
      )
    }
    controller.play(pauseAt: nil, leases: [taken.lease])
    return (mode == .autowalk ? "Playing the walk as Autowalk." : "Playing the walk.", false)
  }

  /// Retains the body lease of the walk that plays, as the tablet keeps its lease alive
  /// while a walk runs; called by ``watch(clock:interval:)``.
  func retainPlayingLease() {
    guard let lease = self.state.withLock({ $0.playing?.lease }) else { return }
    _ = self.robot.leases.retain(lease)
  }

  /// Why the mission service or the Autowalk service refused a walk, for the page.
  struct LoadRefusal: Error {
    let message: String
  }

  /// Loads `steps` as one plain mission with `lease`.
  private func loadMission(
    _ steps: [WalkStep],
    lease: Bosdyn_Api_Lease
  ) async -> Result<Bosdyn_Api_Mission_MissionInfo, LoadRefusal> {
    let loaded = await self.robot.missions.load(
      steps.mission(callbackTimeout: self.callbackTimeout),
      leases: [lease]
    )
    guard loaded.status == .ok, let info = loaded.missionInfo else {
      let reasons = loaded.failedNodes.map { "\($0.name): \($0.error)" }.joined(separator: "; ")
      return .failure(
        LoadRefusal(
          message: "The mission service refused the walk (\(loaded.status))"
            + (reasons.isEmpty ? "." : ": \(reasons).")
        )
      )
    }
    return .success(info)
  }

  /// Uploads the walk directory's map, localizes the robot at its first waypoint and loads
  /// the walk through the Autowalk service with `lease`, as the tablet does before playing.
  ///
  /// Replacing the map is what the tablet does too: the robot holds one map, the walk's. The
  /// map is uploaded before the Autowalk service checks the walk (its waypoints must be in
  /// the map), so a walk it refuses still leaves its map on the robot.
  private func loadAutowalk(
    _ steps: [WalkStep],
    lease: Bosdyn_Api_Lease
  ) async -> Result<Bosdyn_Api_Mission_MissionInfo, LoadRefusal> {
    let directory = steps.walkDirectory(name: "Console walk", callbackTimeout: self.callbackTimeout)
    let graphNav = self.robot.graphNav
    var upload = Bosdyn_Api_GraphNav_UploadGraphRequest()
    upload.graph = directory.graph
    upload.replaceGraph = true
    let uploaded = graphNav.uploadGraph(upload)
    guard uploaded.status == .ok else {
      return .failure(LoadRefusal(message: "GraphNav refused the walk's map (\(uploaded.status))."))
    }
    var snapshots = Bosdyn_Api_GraphNav_UploadSnapshotsRequest.Snapshots()
    snapshots.waypointSnapshots = directory.waypointSnapshots
    snapshots.edgeSnapshots = directory.edgeSnapshots
    do {
      _ = try graphNav.storeSnapshots(snapshots)
    } catch {
      return .failure(LoadRefusal(message: "GraphNav refused the walk's snapshots: \(error)."))
    }
    var localize = Bosdyn_Api_GraphNav_SetLocalizationRequest()
    localize.fiducialInit = .noFiducial
    localize.initialGuess.waypointID = directory.graph.waypoints.first?.id ?? ""
    let localized = graphNav.setLocalization(localize)
    guard localized.status == .ok else {
      return .failure(
        LoadRefusal(
          message: "GraphNav could not localize at the walk's start (\(localized.status))."
        )
      )
    }
    var request = Bosdyn_Api_Autowalk_LoadAutowalkRequest()
    request.walk = directory.walk
    request.leases = [lease]
    let loaded = await self.robot.autowalk.load(request)
    if loaded.status == .ok {
      guard let info = self.robot.missions.missionInfo, info.id == loaded.missionID else {
        return .failure(
          LoadRefusal(message: "Another client loaded a mission just after the walk; try again.")
        )
      }
      return .success(info)
    } else {
      let reasons =
        loaded.failedElements.sorted { $0.key < $1.key }.flatMap { index, element in
          let elements = directory.walk.elements
          let name = elements.indices.contains(Int(index)) ? elements[Int(index)].name : "\(index)"
          return element.errors.map { "\(name): \($0)" }
        } + loaded.failedNodes.map { "\($0.name): \($0.error)" }
      return .failure(
        LoadRefusal(
          message: "The Autowalk service refused the walk (\(protoName(loaded.status)))"
            + (reasons.isEmpty ? "." : ": \(reasons.joined(separator: "; ")).")
        )
      )
    }
  }

  /// Pauses the walk's mission; the callbacks that were running get their Stop.
  func pause() -> (message: String, isError: Bool) {
    guard self.isOurs else { return ("No walk is playing.", true) }
    self.robot.missions.pause()
    return ("Paused the walk.", false)
  }

  /// Stops the walk's mission and returns the body lease.
  func stop() -> (message: String, isError: Bool) {
    guard self.isOurs else { return ("No walk is playing.", true) }
    self.robot.missions.stop()
    self.returnLease()
    return ("Stopped the walk.", false)
  }

  /// Answers question `id` of the walk's mission with `code`.
  func answer(questionID: Int64, code: Int64) -> (message: String, isError: Bool) {
    guard self.isOurs else { return ("No walk is playing.", true) }
    let result = self.robot.missions.answerQuestion(id: questionID, code: code)
    guard result.status == .ok else {
      return ("The mission refused the answer (\(result.status)).", true)
    }
    return ("Answered.", false)
  }

  /// Whether the mission service's mission is the walk's.
  private var isOurs: Bool {
    let missionID = self.robot.missions.state().missionID
    return self.state.withLock { $0.playing?.missionID == missionID }
  }

  /// Forgets the played walk, returning its lease.
  private func finish() {
    self.returnLease()
    self.state.withLock { $0.playing = nil }
  }

  func returnLease() {
    let lease = self.state.withLock { state -> Bosdyn_Api_Lease? in
      defer { state.playing?.lease = nil }
      return state.playing?.lease
    }
    if let lease { _ = self.robot.leases.returnLease(lease) }
  }
}
