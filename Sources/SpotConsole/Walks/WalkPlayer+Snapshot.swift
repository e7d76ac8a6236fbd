import Foundation
import BosdynAPI
import BosdynCore
import MissionExecutor
import SpotSimulator
import Synchronization

/// What the walks page shows of the walk's mission, and the watch that returns its lease.
extension WalkPlayer {
  /// What the page shows now. Reading it also returns the lease of a mission that has ended.
  func snapshot() -> WalkSnapshot {
    let current = self.robot.missions.state(.init(lowerBound: .pastTicks(Int64.max / 2)))
    let log = self.robot.callbackCalls
    let (snapshot, ended) = self.state.withLock { state -> (WalkSnapshot, Bool) in
      guard var playing = state.playing, playing.missionID == current.missionID else {
        let replaced = state.playing != nil
        let snapshot = WalkSnapshot(
          status: "Not loaded",
          tone: "neutral",
          error: replaced ? "Another client loaded a mission." : state.loadError,
          canPlay: !state.steps.isEmpty,
          canPause: false,
          canStop: false,
          nodes: [],
          questions: [],
          timeline: [],
          earlierCalls: 0
        )
        return (snapshot, replaced)
      }
      if let oldest = current.history.last, oldest.tickCounter > playing.lastTick + 1 {
        playing.missedTicks = true
      }
      for tick in current.history.reversed() where tick.tickCounter > playing.lastTick {
        for node in tick.nodeStates {
          playing.results[node.id] = node
          playing.ticks[node.id, default: 0] += 1
        }
        playing.lastTick = tick.tickCounter
      }
      state.playing = playing
      let (status, tone) = Self.describe(current.status)
      let running = current.status == .running
      // The walk's own calls: not the Stop and TeardownSession the mission it replaced got
      // (on that mission's connections) after the walk's sessions were established.
      let calls = log.calls(from: playing.firstCall).filter {
        $0.connection >= playing.firstConnection
      }
      let shown = calls.suffix(WalkSnapshot.timelineLength)
      let snapshot = WalkSnapshot(
        status: status,
        tone: tone,
        error: current.error,
        canPlay: !running && !state.steps.isEmpty,
        canPause: running,
        canStop: running || current.status == .paused,
        nodes: playing.tree.map { node in
          let result = playing.results[node.id]
          let (text, tone) = Self.describe(result?.result)
          return .init(
            id: node.id,
            name: node.name,
            depth: node.depth,
            state: text,
            tone: tone,
            ticks: playing.ticks[node.id] ?? 0,
            ticksAreLowerBound: playing.missedTicks,
            error: result?.error ?? ""
          )
        },
        questions: current.questions.map { question in
          .init(
            id: question.id,
            text: question.text,
            options: question.options.map { .init(text: $0.text, code: $0.answerCode) }
          )
        },
        timeline: shown.map { Self.describe($0, since: playing.loadedAt) },
        earlierCalls: calls.count - shown.count
      )
      let ended = [.success, .failure, .error, .stopped].contains(current.status)
      return (snapshot, ended)
    }
    if ended { self.returnLease() }
    return snapshot
  }

  /// Looks at the walk's mission every `interval` (more often when the lease needs
  /// retaining sooner) until cancelled, so that its lease is retained while it plays and
  /// returned when it ends, even if no page is watching.
  func watch(clock: RobotClock, interval: Duration) async {
    let interval = min(interval, self.robot.leases.retainInterval)
    while !Task.isCancelled {
      if self.state.withLock({ $0.playing?.lease != nil }) {
        self.retainPlayingLease()
        _ = self.snapshot()
      }
      do { try await clock.sleep(for: interval) } catch { return }
    }
  }

  static func flatten(
    _ node: Bosdyn_Api_Mission_NodeInfo,
    depth: Int = 0
  ) -> [(id: Int64, name: String, depth: Int)] {
    [(node.id, node.name, depth)] + node.children.flatMap { Self.flatten($0, depth: depth + 1) }
  }

  /// A callback call as the timeline shows it, timed from `start`.
  static func describe(_ call: CallbackCallLog.Call, since start: Date) -> WalkSnapshot.Call {
    let offset = call.started.timeIntervalSince(start)
    let milliseconds =
      Double(call.duration.components.attoseconds) / 1e15
      + Double(call.duration.components.seconds) * 1000
    return .init(
      at: String(format: "+%.2f s", offset),
      service: call.service,
      rpc: call.rpc,
      outcome: call.outcome,
      tone: call.failed ? "error" : call.outcome == "STATUS_RUNNING" ? "busy" : "on",
      duration: milliseconds < 10
        ? String(format: "%.1f ms", milliseconds) : "\(Int(milliseconds.rounded())) ms"
    )
  }

  static func describe(_ status: Bosdyn_Api_Mission_State.Status) -> (String, String) {
    switch status {
    case .none: ("Ready", "neutral")
    case .running: ("Running", "running")
    case .paused: ("Paused", "neutral")
    case .success: ("Success", "ok")
    case .failure: ("Failure", "error")
    case .error: ("Error", "error")
    case .stopped: ("Stopped", "neutral")
    case .unknown, .UNRECOGNIZED: ("Unknown", "neutral")
    }
  }

  static func describe(_ result: Bosdyn_Api_Mission_Result?) -> (String, String) {
    switch result {
    case nil, .unknown, .UNRECOGNIZED: ("Not started", "neutral")
    case .running: ("Running", "busy")
    case .success: ("Success", "on")
    case .failure: ("Failure", "error")
    case .error: ("Error", "error")
    }
  }
}
