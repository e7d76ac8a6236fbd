import ArgumentParser

/// `spot-sim`: a simulated Spot on this machine, for running and testing robot-mode programs
/// without a robot, and the tools that point other clients at it.
///
/// Plain `spot-sim [options]` runs the simulator (the default subcommand, `run`), as it always
/// has; `spot-sim trust-python VENV` makes a Python venv's Boston Dynamics SDK trust it.
@main
struct SpotSimCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "spot-sim",
    abstract: "A simulated Spot that speaks the robot's gRPC API over TLS.",
    discussion: """
      Without a subcommand, runs the simulator: `spot-sim --port 8443` is `spot-sim run \
      --port 8443` (see `spot-sim help run` for its options).
      """,
    subcommands: [Run.self, TrustPython.self],
    defaultSubcommand: Run.self
  )
}
