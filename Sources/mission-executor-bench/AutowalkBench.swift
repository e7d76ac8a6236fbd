import ArgumentParser
import AutowalkCompiler
import BosdynAPI
import BosdynCore
import Clocks
import Foundation
import MissionExecutor

/// Measures walks of several sizes: the time to compile each into a mission tree
/// (``AutowalkCompiler``) and to load the result into an executor (what LoadAutowalk costs
/// beyond the gRPC and the robot's checks), then the CPU of an executor cycle while the largest
/// plays (its first element navigating, GraphNav answering "following route" at once).
///
/// `mission-executor-bench autowalk [--elements 10,100,1000] [--cycles C]`; build with
/// `-c release` for meaningful numbers.
struct AutowalkBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "autowalk",
    abstract: "Compile and load time of walks, and executor CPU per cycle playing the largest."
  )

  @Option(help: "Walk sizes in elements, comma separated.")
  var elements = "10,100,1000"

  @Option(help: "Cycles to measure while the largest walk plays.")
  var cycles = 2000

  func validate() throws {
    guard !self.sizes.isEmpty else {
      throw ValidationError("--elements must list positive numbers, like 10,100,1000.")
    }
  }

  /// The walk sizes asked for.
  private var sizes: [Int] {
    self.elements.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
  }

  func run() async throws {
    let clock = ContinuousClock()
    var largest: (size: Int, root: Bosdyn_Api_Mission_Node)?
    for size in self.sizes {
      let walk = Self.walk(elements: size)
      var compiled: CompiledWalk?
      let compile = try clock.measure { compiled = try AutowalkCompiler().compile(walk) }
      guard let root = compiled?.root else { continue }
      let controller = Self.controller()
      let start = clock.now
      let loaded = await controller.load(root, leases: [Self.bodyLease])
      let load = start.duration(to: clock.now)
      guard loaded.status == .ok else {
        print("load of \(size) elements failed: \(loaded.failedNodes)")
        throw ExitCode.failure
      }
      print(
        "elements=\(size) compile_ms=\(milliseconds(compile)) load_ms=\(milliseconds(load)) "
          + "nodes=\(loaded.missionInfo?.root.countNodes ?? 0)"
      )
      if size >= (largest?.size ?? 0) { largest = (size, root) }
    }
    guard let largest else { return }
    let controller = Self.controller()
    _ = await controller.load(largest.root, leases: [Self.bodyLease])
    controller.play(pauseAt: nil, leases: [Self.bodyLease])
    let cycles = max(1, self.cycles)
    let (wall, cpu) = try await controller.withManualCycles { manual in
      for _ in 0..<100 { manual.step() }
      let cpuStart = processCPUTime()
      let start = clock.now
      for _ in 0..<cycles { manual.step() }
      return (start.duration(to: clock.now), processCPUTime() - cpuStart)
    }
    let state = controller.state()
    let status = state.status
    let running = state.history.first?.nodeStates.filter { $0.result == .running }.count ?? 0
    if status != .running {
      let errors = state.history.flatMap(\.nodeStates).filter { !$0.error.isEmpty }.map(\.error)
      print("the walk is not playing (\(status)): \(Set(errors).sorted().joined(separator: "; "))")
    }
    print(
      "playing_elements=\(largest.size) status=\(status) "
        + "cpu_per_cycle_us=\(microseconds(cpu / cycles)) "
        + "wall_per_cycle_us=\(microseconds(wall / cycles)) running_nodes=\(running)"
    )
  }

  /// The body lease the bench's missions are loaded and played with.
  static var bodyLease: Bosdyn_Api_Lease {
    var lease = Bosdyn_Api_Lease()
    lease.resource = "body"
    lease.epoch = "bench"
    lease.sequence = [1]
    return lease
  }

  /// A controller on a manual clock whose GraphNav accepts every command.
  static func controller() -> MissionController {
    MissionController(environment: BenchRobot(), clock: RobotClock(TestClock<Duration>()))
  }

  /// A walk of `elements` elements along a straight map, each navigating to the next waypoint
  /// and sleeping a second, with the tablet's default failure behaviour (one retry, then a
  /// question, then proceed if able).
  static func walk(elements: Int) -> Bosdyn_Api_Autowalk_Walk {
    .walk(
      "Bench \(elements)",
      elements: (1...elements).map { index in
        .element(
          "Element \(index)",
          at: StraightLineMap.waypointID(index),
          action: .sleep(.seconds(1)),
          onNavigationFailure: .proceedIfAble(retries: 1),
          onActionFailure: .proceedIfAble(retries: 1)
        )
      }
    )
  }
}

/// A robot for the bench: powering on and standing succeed at once, every navigation command
/// is accepted and stays under way.
struct BenchRobot: MissionEnvironment {
  func powerCommand(
    _ request: Bosdyn_Api_PowerCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandResponse {
    var response = Bosdyn_Api_PowerCommandResponse()
    response.status = .statusInProgress
    response.powerCommandID = 1
    return response
  }

  func powerCommandFeedback(
    _ request: Bosdyn_Api_PowerCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_PowerCommandFeedbackResponse {
    var response = Bosdyn_Api_PowerCommandFeedbackResponse()
    response.status = .statusSuccess
    return response
  }

  func robotCommand(
    _ request: Bosdyn_Api_RobotCommandRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandResponse {
    var response = Bosdyn_Api_RobotCommandResponse()
    response.status = .ok
    response.robotCommandID = 1
    return response
  }

  func robotCommandFeedback(
    _ request: Bosdyn_Api_RobotCommandFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_RobotCommandFeedbackResponse {
    var response = Bosdyn_Api_RobotCommandFeedbackResponse()
    var stand = Bosdyn_Api_StandCommand.Feedback()
    stand.status = .isStanding
    response.feedback.synchronizedFeedback.mobilityCommandFeedback.status = .processing
    response.feedback.synchronizedFeedback.mobilityCommandFeedback.standFeedback = stand
    return response
  }

  func navigateTo(
    _ request: Bosdyn_Api_GraphNav_NavigateToRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigateToResponse {
    var response = Bosdyn_Api_GraphNav_NavigateToResponse()
    response.status = .ok
    response.commandID = 1
    var lease = Bosdyn_Api_LeaseUseResult()
    lease.status = .ok
    response.leaseUseResults = [lease]
    return response
  }

  func navigationFeedback(
    _ request: Bosdyn_Api_GraphNav_NavigationFeedbackRequest,
    at address: ServiceAddress
  ) async throws -> Bosdyn_Api_GraphNav_NavigationFeedbackResponse {
    var response = Bosdyn_Api_GraphNav_NavigationFeedbackResponse()
    response.status = .followingRoute
    response.commandID = request.commandID
    return response
  }
}

extension Bosdyn_Api_Mission_NodeInfo {
  /// This node and all its descendants.
  fileprivate var countNodes: Int { 1 + self.children.reduce(0) { $0 + $1.countNodes } }
}

/// A duration in milliseconds with one decimal.
func milliseconds(_ duration: Duration) -> String {
  String(format: "%.1f", duration.seconds * 1e3)
}
