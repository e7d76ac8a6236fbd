public import BosdynCore
public import BosdynAPI
public import Clocks
public import Logging
import Synchronization

/// Runs Spot missions (`bosdyn.api.mission.Node` trees) with the semantics of the robot's
/// mission service, without gRPC: load, play with a heartbeat, pause, stop, restart, answer
/// questions, read the state.
///
/// A simulated robot's mission service is a thin gRPC shell over it; callback authors use it
/// (or the shorter ``MissionRun``) to run a mission against their servicer in a test. It is
/// `Sendable` and every method may be called concurrently with the tick loop: state lives behind
/// one lock, held only for short synchronous work, never across a call to a service.
///
/// ```swift
/// let controller = MissionController(
///   environment: RemoteServicesEnvironment(services: ["hello-world-callback": client]))
/// let loaded = await controller.load(mission)
/// guard loaded.status == .ok else { throw … }
/// _ = controller.play(pauseAt: nil)
/// try await controller.run()  // ticks at 10 Hz until cancelled or shut down
/// ```
///
/// Cycles: ``run()`` cycles at ``Configuration/tickRate`` on the injected clock; tests step
/// cycles themselves with ``withManualCycles(isolation:_:)``. Each cycle pauses the mission if its
/// heartbeat (`pause_time`) has passed, ticks the tree once while the mission plays (the tick
/// counter counts these ticks, starting at 0), and sends Stop to callbacks that stopped being
/// ticked. Calls to services never block a cycle: they run in the task group of whoever drives
/// the cycles, and their answers are seen by the next cycle.
public final class MissionController: Sendable {
  /// How the controller runs missions.
  public let configuration: Configuration
  /// The clock cycles, durations and timeouts are measured on.
  public let clock: AnyClock<Duration>
  /// The robot's clock: ``clock`` and the wall time it shows.
  public let robotClock: RobotClock
  let environment: any MissionEnvironment
  let logger: Logger
  let storage: Mutex<Storage>
  let shutdownSignal = OneShotSignal()

  /// What the lock protects.
  struct Storage {
    var mission: MissionRuntime?
    var lastMissionID: Int64 = 0
    var loadTickets: UInt64 = 0
    var installedTicket: UInt64 = 0
    let questionIDs = QuestionIDs()
    var settings = Bosdyn_Api_Mission_PlaySettings()
    var runnerActive = false
    var queuedCalls: [PendingCall] = []
    var isShutDown = false
  }

  /// Hands out question ids, unique across every mission of the controller.
  final class QuestionIDs {
    private var last: Int64 = 0
    func next() -> Int64 {
      self.last += 1
      return self.last
    }
  }

  /// Creates a controller with no mission loaded.
  ///
  /// - Parameters:
  ///   - environment: How missions reach services and the robot.
  ///   - configuration: Tick rate, limits and windows.
  ///   - clock: The robot's clock: what cycles and timeouts are measured on, and the wall time
  ///     of timestamps; tests pass one on a `TestClock`.
  ///   - logger: Where the controller logs loads and shutdown.
  public init(
    environment: any MissionEnvironment,
    configuration: Configuration = .defaults,
    clock: RobotClock = .system(),
    logger: Logger = Logger(label: "bosdyn.mission.executor")
  ) {
    self.environment = environment
    self.configuration = configuration
    self.clock = clock.clock
    self.robotClock = clock
    self.logger = logger
    self.storage = Mutex(Storage())
  }

  /// The play settings of the last PlayMission or RestartMission (defaults before any).
  public var playSettings: Bosdyn_Api_Mission_PlaySettings {
    self.storage.withLock { $0.settings }
  }

  /// The loaded mission's MissionInfo (GetInfo), or `nil` when none is loaded.
  public var missionInfo: Bosdyn_Api_Mission_MissionInfo? {
    self.storage.withLock { storage in
      storage.mission.map { $0.compiled.missionInfo(id: $0.id) }
    }
  }

  /// The mission as it was loaded and its id (GetMission): `nil` root and id -1 when none is.
  public var mission: (root: Bosdyn_Api_Mission_Node?, id: Int64) {
    self.storage.withLock { storage in
      guard let mission = storage.mission else { return (nil, -1) }
      return (mission.compiled.root, mission.id)
    }
  }
}
