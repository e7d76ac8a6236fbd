import ArgumentParser
import BosdynCommandLine

/// `replay-mission`: Boston Dynamics' `replay_mission.py` in Swift. Plays a stored mission on a
/// robot (or spot-sim) until it ends, keeping it alive with PlayMission heartbeats, and says
/// what it is doing.
///
/// Each kind of mission is a subcommand, because each needs different things uploaded before
/// it plays: `simple` loads a mission tree; an `autowalk` subcommand (a walk and its map) would
/// be another ``MissionSource`` played by the same ``MissionReplay``.
@main
struct ReplayMissionCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "replay-mission",
    abstract: "Play a stored mission on a robot until it ends, as Boston Dynamics' "
      + "replay_mission example does.",
    usage: """
      replay-mission [--robot-ca <path>] [--username <username>] [--password <password>] \
      <robot> simple <mission-file> [--time <seconds>] [--mission-timeout <seconds>]
      """,
    discussion: """
      Logs in, establishes time sync, acquires the body lease (retained every 2 s, returned at \
      exit), powers the motors on, stands, loads the mission and plays it: PlayMission every \
      second with a pause time --mission-timeout seconds ahead in robot time, so the mission \
      pauses by itself if this program dies. Prints the running nodes whenever they change and \
      each new question, then `Mission status = STATUS_…`. Exits 0 when the mission ends in \
      SUCCESS or PAUSED (someone paused it), 1 otherwise.

      Ctrl+C (SIGINT) or SIGTERM stops the mission and returns the lease, whatever the program \
      is doing; a second one exits at once.
      """,
    subcommands: [Simple.self]
  )

  /// `ROBOT`, `--robot-ca`, `--username`, `--password`, as every robot-mode program takes them.
  @OptionGroup var robot: RobotOptions

  @Flag(name: [.short, .long], help: "Print debug-level messages.")
  var verbose = false
}
