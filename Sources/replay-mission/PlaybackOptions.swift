import ArgumentParser

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

  func validate() throws {
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
    MissionReplay.Playback(
      missionTimeout: .seconds(self.missionTimeout),
      repeatFor: self.repeatSeconds > 0 ? .seconds(self.repeatSeconds) : nil
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
