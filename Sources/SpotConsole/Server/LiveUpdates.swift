import BosdynCore
import Foundation
import SpotSimulator
import Synchronization

/// The `/events` stream every signed-in page listens to: a `robot` event (``RobotSnapshot``)
/// and a `callbacks` event (``CallbackSummary`` list) whenever either changes, checked every
/// ``SpotConsole/Configuration/refreshInterval``.
///
/// The stream is pulled: the browser's connection asks for the next event, so nothing runs
/// for a page that has gone, and there is no task to stop.
struct LiveUpdates: Sendable {
  let robot: SimulatedRobot
  let interval: Duration

  /// A new stream for one page: both events at once, then changes.
  func stream() -> AsyncStream<ServerSentEvent> {
    let poller = Poller(robot: self.robot, interval: self.interval)
    return AsyncStream(unfolding: { await poller.next() })
  }

  /// What one page has been sent.
  private final class Poller: Sendable {
    private struct State {
      var lastRobot: String?
      var lastCallbacks: String?
      var pending: [ServerSentEvent] = []
    }

    private let robot: SimulatedRobot
    private let interval: Duration
    private let state = Mutex(State())

    init(robot: SimulatedRobot, interval: Duration) {
      self.robot = robot
      self.interval = interval
    }

    func next() async -> ServerSentEvent? {
      while !Task.isCancelled {
        if let event = self.nextChange() { return event }
        do {
          try await self.robot.configuration.clock.sleep(for: self.interval)
        } catch {
          return nil
        }
      }
      return nil
    }

    /// A pending event, or the changes since the last look.
    private func nextChange() -> ServerSentEvent? {
      let robot = CallbackRun.json(RobotSnapshot(robot: self.robot))
      let callbacks = CallbackRun.json(CallbackSummary.all(in: self.robot.registry))
      return self.state.withLock { state in
        if state.pending.isEmpty {
          if robot != state.lastRobot {
            state.lastRobot = robot
            state.pending.append(ServerSentEvent(name: "robot", data: robot))
          }
          if callbacks != state.lastCallbacks {
            state.lastCallbacks = callbacks
            state.pending.append(ServerSentEvent(name: "callbacks", data: callbacks))
          }
        }
        return state.pending.isEmpty ? nil : state.pending.removeFirst()
      }
    }
  }
}
