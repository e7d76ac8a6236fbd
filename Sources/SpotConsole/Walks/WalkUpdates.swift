import BosdynCore
import Synchronization

/// The `/walks/events` stream of the walks page: a `walk` event (``WalkSnapshot``) at once,
/// then whenever it changes, checked every ``SpotConsole/Configuration/refreshInterval``.
/// Pulled like ``LiveUpdates``: nothing runs for a page that has gone.
struct WalkUpdates: Sendable {
  let walk: WalkPlayer
  let clock: RobotClock
  let interval: Duration

  /// A new stream for one page.
  func stream() -> AsyncStream<ServerSentEvent> {
    let last = Mutex<String?>(nil)
    let walk = self.walk
    let clock = self.clock
    let interval = self.interval
    return AsyncStream(unfolding: {
      while !Task.isCancelled {
        let json = CallbackRun.json(walk.snapshot())
        let changed = last.withLock { last in
          defer { last = json }
          return last != json
        }
        if changed { return ServerSentEvent(name: "walk", data: json) }
        do { try await clock.sleep(for: interval) } catch { return nil }
      }
      return nil
    })
  }
}
