public import BosdynCore
public import Clocks
public import Foundation

/// Time that moves only when a test says so: a `TestClock` and the ``BosdynCore/RobotClock``
/// built on it, for a simulated robot, a ledger or a mission executor under test.
///
/// ```swift
/// let time = ManualTime()
/// let body = SimulatedBody(configuration: .defaults, clock: time.clock)
/// _ = body.requestPower(on: true)
/// await time.advance(by: .seconds(2))  // the motors are on, and no test waited
/// ```
public struct ManualTime: Sendable {
  /// The clock the test advances.
  public let testClock = TestClock<Duration>()
  /// The robot clock running on ``testClock``.
  public let clock: RobotClock

  /// Time starting at `wallTimeAtStart` (a fixed date, so wall times in tests are stable).
  public init(wallTimeAtStart: Date = Date(timeIntervalSince1970: 1_780_000_000)) {
    self.clock = RobotClock(self.testClock, wallTimeAtStart: wallTimeAtStart)
  }

  /// Moves time forward by `duration`, waking whatever sleeps until then.
  public func advance(by duration: Duration) async {
    await self.testClock.advance(by: duration)
  }

  /// Moves time forward by `duration` in steps of `step`, each time first waiting until the
  /// periodic loop named `what` sleeps again, and once more at the end: a loop that wakes
  /// every `step` then runs every iteration, even on a loaded machine where one large
  /// `advance` would outrun its re-arming, and has finished its last one on return.
  public func advance(
    by duration: Duration,
    inStepsOf step: Duration,
    waitingFor what: String
  ) async throws {
    var remaining = duration
    while remaining > .zero {
      let next = min(step, remaining)
      try await self.waitForSleepers(what)
      await self.testClock.advance(by: next)
      remaining -= next
    }
    try await self.waitForSleepers(what)
  }

  /// Waits (in real time) until something sleeps on this clock, such as a background loop
  /// that has just started: time advanced before that would pass it by.
  public func waitForSleepers(_ what: String) async throws {
    try await waitUntil(what) { (try? await self.testClock.checkSuspension()) == nil }
  }
}
