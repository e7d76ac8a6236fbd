import ArgumentParser

/// Benchmarks of the mission executor, printing numbers the benchmark script reports:
/// `plain` (CPU per cycle over plain nodes) and `callbacks` (many RemoteGrpc nodes ticking a
/// real service at the robot's rate).
@main
struct MissionExecutorBench: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mission-executor-bench",
    abstract: "Measure the mission executor.",
    subcommands: [PlainNodesBench.self, CallbacksBench.self]
  )
}
