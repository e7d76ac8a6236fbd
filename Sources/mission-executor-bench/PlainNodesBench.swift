import BosdynCore
import BosdynAPI
import Clocks
import ArgumentParser
import Foundation
import MissionExecutor

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Measures the cost of one executor cycle over a tree of plain nodes: a Sequence with
/// `always_restart` over N ConstantResult children, the last one RUNNING, so every cycle ticks
/// all N + 1 nodes and records their states. Prints wall and process CPU time per cycle.
///
/// `mission-executor-bench plain [--nodes N] [--cycles C]`; build with `-c release` for
/// meaningful numbers.
struct PlainNodesBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plain",
    abstract: "CPU per cycle over a tree of plain nodes, cycles stepped by hand."
  )

  @Option(help: "Nodes in the tree.")
  var nodes = 1000

  @Option(help: "Cycles to measure.")
  var cycles = 2000

  func run() async throws {
    let nodes = max(2, self.nodes)
    let cycles = max(1, self.cycles)

    var children: [Bosdyn_Api_Mission_Node] = (0..<(nodes - 1)).map { index in
      var node = Bosdyn_Api_Mission_Node()
      node.name = "node \(index)"
      node.constantResult.result = .success
      return node
    }
    var last = Bosdyn_Api_Mission_Node()
    last.name = "last"
    last.constantResult.result = .running
    children.append(last)
    var root = Bosdyn_Api_Mission_Node()
    root.name = "root"
    root.sequence.alwaysRestart = true
    root.sequence.children = children

    let testClock = TestClock<Duration>()
    let controller = MissionController(
      environment: RemoteServicesEnvironment(),
      clock: RobotClock(testClock)
    )
    let loaded = await controller.load(root)
    guard loaded.status == .ok else {
      print("load failed: \(loaded.failedNodes)")
      return
    }
    controller.play(pauseAt: nil)
    let clock = ContinuousClock()
    let (wall, cpu) = try await controller.withManualCycles { manual in
      for _ in 0..<100 { manual.step() }
      let cpuStart = processCPUTime()
      let start = clock.now
      for _ in 0..<cycles { manual.step() }
      return (start.duration(to: clock.now), processCPUTime() - cpuStart)
    }
    let ticked = controller.state().history.first?.nodeStates.count ?? 0
    print("nodes ticked per cycle: \(ticked)")
    print("wall per cycle: \(microseconds(wall / cycles)) µs")
    print("CPU per cycle:  \(microseconds(cpu / cycles)) µs")
    let state = clock.measure { _ = controller.state(.init(lowerBound: .pastTicks(9))) }
    print("GetState of 10 ticks: \(microseconds(state)) µs")
    print(
      "nodes=\(ticked) cpu_per_cycle_us=\(microseconds(cpu / cycles)) "
        + "wall_per_cycle_us=\(microseconds(wall / cycles)) get_state_us=\(microseconds(state))"
    )
  }
}

/// A duration in microseconds with one decimal.
func microseconds(_ duration: Duration) -> String {
  String(format: "%.1f", duration.seconds * 1e6)
}

/// The CPU time this process has used, all threads.
func processCPUTime() -> Duration {
  var time = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
  return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
}
