import ArgumentParser
import BosdynAPI

/// How long and how tightly a mission is played; shared by every kind of mission.
struct PlaybackOptions: ParsableArguments {
  @Option(
    name: .customLong("time"),
    help: ArgumentHelp(
      "Repeat the mission (with RestartMission) until this many seconds have passed; 0 plays "
        + "it once.",
      valueName: "seconds"
    )
  )
  var repeatSeconds: Double = 0

  @Option(
    help: ArgumentHelp(
      "How far ahead each heartbeat sets the pause time: the mission pauses this long after "
        + "the last PlayMission if this program stops sending them.",
      valueName: "seconds"
    )
  )
  var missionTimeout: Double = 3

  @Flag(help: "Do not explore around blocked branches (PlaySettings.disable_directed_exploration).")
  var disableDirectedExploration = false

  @Flag(
    help: """
      Strict path following: no directed exploration and, for a walk, no alternate routes \
      (PlaySettings.path_following_mode = PATH_MODE_STRICT).
      """
  )
  var strictMode = false

  @Flag(name: .customLong("static"), help: "Power on, stand and load, but do not play.")
  var staticMode = false

  func validate() throws {
    if self.staticMode && self.repeatSeconds > 0 {
      throw ValidationError("--static and --time cannot go together: a static run plays nothing.")
    }
    guard self.repeatSeconds.isFinite, self.repeatSeconds >= 0 else {
      throw ValidationError(
        "--time must be a number of seconds, 0 or more (got \(self.repeatSeconds))."
      )
    }
    guard self.missionTimeout.isFinite,
      self.missionTimeout > MissionReplay.heartbeatInterval.seconds
    else {
      throw ValidationError(
        "--mission-timeout must be more than \(MissionReplay.heartbeatInterval.seconds) seconds, "
          + "the time between heartbeats, or the mission pauses between them (got "
          + "\(self.missionTimeout))."
      )
    }
  }

  /// The playback the options describe.
  var playback: MissionReplay.Playback {
    var settings = Bosdyn_Api_Mission_PlaySettings()
    settings.disableDirectedExploration = self.disableDirectedExploration || self.strictMode
    if self.strictMode { settings.pathFollowingMode = .pathModeStrict }
    return MissionReplay.Playback(
      missionTimeout: .seconds(self.missionTimeout),
      repeatFor: self.repeatSeconds > 0 ? .seconds(self.repeatSeconds) : nil,
      settings: settings,
      isStatic: self.staticMode
    )
  }
}

extension Duration {
  /// The duration in seconds, as people type it.
  var seconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
