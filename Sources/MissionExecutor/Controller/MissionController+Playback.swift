import BosdynCore
public import BosdynAPI
public import Clocks
public import SwiftProtobuf
import Synchronization

extension MissionController {
  /// Plays the loaded mission (PlayMission) until `pauseAt`.
  ///
  /// `pauseAt` is a heartbeat: a mission not played again before it pauses by itself, so a
  /// client that disappears cannot leave the robot running. A paused mission resumes where it
  /// was. A mission that has finished (success, failure, error) is not replayed, and a stopped
  /// one does not resume: both need ``restart(pauseAt:leases:settings:)``. The leases replace
  /// those of the previous play; RemoteGrpc nodes pass sub-leases of them to their services.
  ///
  /// - Parameters:
  ///   - pauseAt: When to pause if not played again; `nil` never pauses by itself.
  ///   - leases: The leases the mission may use.
  ///   - settings: Settings kept until the next play or restart (see ``playSettings``).
  /// - Returns: `STATUS_OK`, or `STATUS_NO_MISSION` when none is loaded.
  @discardableResult
  public func play(
    pauseAt: AnyClock<Duration>.Instant?,
    leases: [Bosdyn_Api_Lease] = [],
    settings: Bosdyn_Api_Mission_PlaySettings = .init()
  ) -> Bosdyn_Api_Mission_PlayMissionResponse.Status {
    self.storage.withLock { storage in
      guard let mission = storage.mission else { return .noMission }
      storage.settings = settings
      mission.settings = settings
      mission.setLeases(leases)
      mission.pauseAt = pauseAt
      switch mission.status {
      case .none, .paused, .unknown: mission.status = .running
      default: break
      }
      return .ok
    }
  }

  /// Plays the loaded mission until a wall-clock `pause_time` (PlayMission as the wire says it),
  /// converted with ``robotClock``; an unset timestamp never pauses by itself.
  @discardableResult
  public func play(
    pauseTime: Google_Protobuf_Timestamp?,
    leases: [Bosdyn_Api_Lease] = [],
    settings: Bosdyn_Api_Mission_PlaySettings = .init()
  ) -> Bosdyn_Api_Mission_PlayMissionResponse.Status {
    self.play(
      pauseAt: pauseTime.map { self.robotClock.instant(at: $0) },
      leases: leases,
      settings: settings
    )
  }

  /// Pauses the mission (PauseMission). Callbacks that were running get their Stop at the next
  /// cycle; ``play(pauseAt:leases:settings:)`` resumes.
  ///
  /// - Returns: `STATUS_OK` (also when already paused or finished), or
  ///   `STATUS_NO_MISSION_PLAYING` when no mission has been played.
  @discardableResult
  public func pause() -> Bosdyn_Api_Mission_PauseMissionResponse.Status {
    let now = self.clock.now
    return self.storage.withLock { storage in
      guard let mission = storage.mission, mission.status != .none else {
        return .noMissionPlaying
      }
      if mission.status == .running {
        mission.status = .paused
        mission.haltedAt = now
      }
      return .ok
    }
  }

  /// Stops the mission for good (StopMission): status `STATUS_STOPPED`, questions withdrawn,
  /// running callbacks get their Stop at the next cycle. Only a restart runs it again.
  ///
  /// - Returns: `STATUS_OK` (also when it had finished, which keeps its final status), or
  ///   `STATUS_NO_MISSION_PLAYING` when no mission has been played.
  @discardableResult
  public func stop() -> Bosdyn_Api_Mission_StopMissionResponse.Status {
    let now = self.clock.now
    return self.storage.withLock { storage in
      guard let mission = storage.mission, mission.status != .none else {
        return .noMissionPlaying
      }
      if mission.status == .running || mission.status == .paused {
        if mission.status == .running { mission.haltedAt = now }
        mission.status = .stopped
        mission.questions.removeAllOutstanding()
        mission.missionTexts = []
      }
      return .ok
    }
  }

  /// Starts the loaded mission over from the beginning (RestartMission), with new leases and
  /// settings: every node forgets its run, the tick counter, history, questions and texts
  /// reset, callbacks that were running get their Stop, and the mission plays until `pauseAt`.
  /// RemoteGrpc sessions are kept.
  ///
  /// - Returns: `STATUS_OK`, or `STATUS_NO_MISSION` when none is loaded.
  @discardableResult
  public func restart(
    pauseAt: AnyClock<Duration>.Instant?,
    leases: [Bosdyn_Api_Lease] = [],
    settings: Bosdyn_Api_Mission_PlaySettings = .init()
  ) -> Bosdyn_Api_Mission_RestartMissionResponse.Status {
    let now = self.clock.now
    return self.storage.withLock { storage in
      guard let mission = storage.mission else { return .noMission }
      storage.queuedCalls += mission.restart(at: now)
      storage.settings = settings
      mission.settings = settings
      mission.setLeases(leases)
      mission.pauseAt = pauseAt
      mission.status = .running
      return .ok
    }
  }

  /// Restarts until a wall-clock `pause_time` (RestartMission as the wire says it).
  @discardableResult
  public func restart(
    pauseTime: Google_Protobuf_Timestamp?,
    leases: [Bosdyn_Api_Lease] = [],
    settings: Bosdyn_Api_Mission_PlaySettings = .init()
  ) -> Bosdyn_Api_Mission_RestartMissionResponse.Status {
    self.restart(
      pauseAt: pauseTime.map { self.robotClock.instant(at: $0) },
      leases: leases,
      settings: settings
    )
  }
}
