import BosdynAPI
import BosdynCommandLine
import BosdynCore
import BosdynRobot
import Foundation
import Logging

/// The sequence of Boston Dynamics' replay example: log in, time sync, body lease with a
/// keep-alive, power on, stand, load, play with heartbeats until the mission ends (again and
/// again with `--time`), then give the lease back.
///
/// Every step that waits on the robot runs under the ``BosdynCommandLine/Interruption``, so a
/// signal cancels it at once; what was started is then undone in order: the mission stopped,
/// the lease returned, over the connection that is still open.
struct MissionReplay {
  /// How often the mission is played again (the heartbeat) and its state read.
  static let heartbeatInterval: Duration = .seconds(1)

  /// How long and how tightly to play.
  struct Playback: Sendable {
    /// How far ahead of now each heartbeat's pause time is.
    var missionTimeout: Duration
    /// How long to keep restarting the mission after it succeeds; `nil` plays it once.
    var repeatFor: Duration?
    /// Sent with every PlayMission (directed exploration, path following).
    var settings = Bosdyn_Api_Mission_PlaySettings()
    /// Whether to stop once the mission is loaded and the robot stands (`--static`).
    var isStatic = false
  }

  let source: any MissionSource
  let playback: Playback
  /// The robot as typed, for the `bosdyn ROBOT mission answer` hint.
  let robotName: String
  let interruption: Interruption
  let logger: Logger

  /// Runs the whole sequence on a connection that is not logged in yet.
  ///
  /// - Returns: The status the mission ended with (the last run's, with `--time`).
  /// - Throws: ``BosdynCommandLine/Interruption/Interrupted`` after a signal (once the
  ///   mission is stopped and the lease returned), ``ReplayFailure``, or a client error.
  func run(on connection: RobotConnection, credentials: RobotCredentials) async throws
    -> Bosdyn_Api_Mission_State.Status
  {
    self.logger.info("Logging in to \(connection.address)...")
    try await self.interruption.interruptible { try await connection.authenticate(credentials) }

    let timeSync = TimeSyncKeeper(connection: connection, logger: self.logger)
    let synced = try await self.interruption.interruptible { try await timeSync.establish() }
    guard synced else { throw ReplayFailure("Could not establish time sync with the robot.") }

    let robotState = RobotStateClient(connection: connection)
    if try await self.interruption.interruptible({ try await robotState.isEstopped() }) {
      throw ReplayFailure(
        "Robot is estopped. Release the estop (for example with an estop client) and try again."
      )
    }

    let wallet = LeaseWallet(clientName: connection.configuration.clientName)
    let leases = LeaseClient(connection: connection, wallet: wallet)
    self.logger.info("Acquiring lease...")
    let lease: Lease
    do {
      lease = try await self.interruption.interruptible { try await leases.acquire() }
    } catch let error as ClientError where error.code == .resourceAlreadyClaimed {
      throw ReplayFailure(
        "The body lease is held by another client (\(error.message)); stop that client first."
      )
    }

    // From here the lease is ours: whatever happens, give it back.
    let keepAlive = LeaseKeepAlive(client: leases, logger: self.logger)
    let outcome = await withTaskGroup(of: Void.self) { group in
      group.addTask { try? await keepAlive.run() }
      group.addTask { try? await timeSync.run() }
      defer { group.cancelAll() }
      do {
        return Result<Bosdyn_Api_Mission_State.Status, any Error>.success(
          try await self.powerOnAndPlay(connection, wallet: wallet, timeSync: timeSync)
        )
      } catch {
        return .failure(error)
      }
    }
    do {
      try await leases.returnLease(lease, timeout: .seconds(2))
      self.logger.info("Returned the body lease.")
    } catch {
      self.logger.warning("Could not return the body lease: \(error)")
    }
    return try outcome.get()
  }

  /// Powers on, stands, loads and plays; stops the mission if playing ends in an error or a
  /// signal.
  private func powerOnAndPlay(
    _ connection: RobotConnection,
    wallet: LeaseWallet,
    timeSync: TimeSyncKeeper
  ) async throws -> Bosdyn_Api_Mission_State.Status {
    let robotState = RobotStateClient(connection: connection)
    let power = PowerClient(connection: connection, wallet: wallet)
    if try await !self.interruption.interruptible({ try await robotState.isPoweredOn() }) {
      self.logger.info("Powering on the motors...")
      try await self.interruption.interruptible { try await power.powerOnMotors() }
    }
    self.logger.info("Commanding robot to stand...")
    let commands = RobotCommandClient(connection: connection, wallet: wallet)
    try await self.interruption.interruptible { try await commands.stand() }
    self.logger.info("Robot standing.")

    let missions = MissionClient(connection: connection, wallet: wallet)
    let source = self.source
    let logger = self.logger
    try await self.interruption.interruptible {
      try await source.load(on: connection, wallet: wallet, logger: logger)
    }
    try await self.interruption.interruptible {
      try await source.prepareToPlay(on: connection, wallet: wallet, logger: logger)
    }
    if self.playback.isStatic {
      // The example's --static: stand, but do not run the robot.
      Output.lines(["Static mode: the robot stands and the mission is loaded; not playing it."])
      return .none
    }
    do {
      return try await self.play(missions, timeSync: timeSync)
    } catch {
      await self.stop(missions, connection: connection)
      throw error
    }
  }

  /// Plays once, or with `--time` restarts after each success until the time is up (the
  /// example's `repeat_mission`).
  private func play(_ missions: MissionClient, timeSync: TimeSyncKeeper) async throws
    -> Bosdyn_Api_Mission_State.Status
  {
    let info = try await self.interruption.interruptible { try await missions.info() }
    guard let repeatFor = self.playback.repeatFor else {
      return try await self.playUntilDone(missions, info: info, timeSync: timeSync)
    }
    self.logger.info("Repeating mission for \(repeatFor.seconds) seconds.")
    let clock = ContinuousClock()
    let start = clock.now
    while true {
      let status = try await self.playUntilDone(missions, info: info, timeSync: timeSync)
      let elapsed = clock.now - start
      self.logger.info("Elapsed time = \(elapsed.seconds) (out of \(repeatFor.seconds))")
      guard Self.succeeded(status) else {
        self.logger.info("Mission failed.")
        return status
      }
      guard elapsed < repeatFor else { return status }
      self.logger.info("Restarting mission")
      let pauseTime = try timeSync.robotTimestamp(
        for: Date().addingTimeInterval(self.playback.missionTimeout.seconds)
      )
      try await self.interruption.interruptible { try await missions.restart(pauseTime: pauseTime) }
    }
  }

  /// Plays with heartbeats while the mission has not started or runs, printing what changes.
  private func playUntilDone(
    _ missions: MissionClient,
    info: Bosdyn_Api_Mission_MissionInfo?,
    timeSync: TimeSyncKeeper
  ) async throws -> Bosdyn_Api_Mission_State.Status {
    self.logger.info("Running mission")
    let robotName = self.robotName
    var progress = MissionProgress { "bosdyn \(robotName) mission answer \($0) CODE" }
    var state = try await self.interruption.interruptible { try await missions.state() }
    var stage: String?
    while state.status == .none || state.status == .running {
      let text = MissionStateText(state: state, info: info)
      Output.lines(progress.changes(in: text))
      if let now = self.source.stage(running: text.runningNodes), now != stage {
        Output.lines([now])
        stage = now
      }
      if self.source.failsOnQuestion, !state.questions.isEmpty {
        throw ReplayFailure(
          "Mission failed by triggering operator question \(state.questions[0].id): "
            + "\"\(state.questions[0].text)\""
        )
      }
      let pauseTime = try timeSync.robotTimestamp(
        for: Date().addingTimeInterval(self.playback.missionTimeout.seconds)
      )
      let settings = self.playback.settings
      try await self.interruption.interruptible {
        // The wallet's body lease, advanced, as the example sends `lease_wallet.advance()`.
        try await missions.play(pauseTime: pauseTime, settings: settings)
        try await Task.sleep(for: Self.heartbeatInterval)
      }
      state = try await self.interruption.interruptible { try await missions.state() }
    }
    Output.lines(progress.changes(in: MissionStateText(state: state, info: info)))
    if !state.error.isEmpty { Output.lines(["Mission error: \(state.error)"]) }
    Output.lines(["Mission status = \(state.status.protoName)"])
    return state.status
  }

  /// Stops the mission after a signal or a failure, with the body lease while the wallet holds
  /// it and without one otherwise (the mission service accepts both; the lease may be what
  /// was lost).
  private func stop(_ missions: MissionClient, connection: RobotConnection) async {
    do {
      if (try? missions.wallet?.lease()) != nil {
        try await missions.stop()
      } else {
        try await MissionClient(connection: connection).stop()
      }
      self.logger.info("Stopped the mission.")
    } catch let error as ClientError where error.code == .noMissionPlaying {
      return
    } catch {
      self.logger.warning("Could not stop the mission: \(error)")
    }
  }

  /// SUCCESS, or PAUSED (someone paused it: the example counts that as done, not failed).
  static func succeeded(_ status: Bosdyn_Api_Mission_State.Status) -> Bool {
    status == .success || status == .paused
  }
}
