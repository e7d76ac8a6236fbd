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

  /// Waits (in real time) until something sleeps on this clock, such as a background loop
  /// that has just started: time advanced before that would pass it by.
  public func waitForSleepers(_ what: String) async throws {
    try await waitUntil(what) { (try? await self.testClock.checkSuspension()) == nil }
  }
}
