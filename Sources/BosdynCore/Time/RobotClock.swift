public import Clocks
public import Foundation
public import SwiftProtobuf

/// The time a robot lives by: a monotonic clock for how long things take (leases going
/// stale, motors powering on, a service's liveness, a mission's ticks) and the wall time its
/// timestamps show, derived from it so that both move together.
///
/// The simulated robot and the mission executor read time only through one of these, so tests
/// run them on a `TestClock` and advance it instead of sleeping, and a simulated robot can run
/// with a skewed clock to exercise time sync.
///
/// ```swift
/// let clock = TestClock<Duration>()
/// let robotClock = RobotClock(clock, wallTimeAtStart: Date(timeIntervalSince1970: 1_700_000_000))
/// await clock.advance(by: .seconds(3))
/// robotClock.wallNow  // 3 seconds later
/// ```
public struct RobotClock: Sendable {
  /// An instant on a robot clock.
  public typealias Instant = AnyClock<Duration>.Instant

  /// The monotonic clock every duration is measured on.
  public let clock: AnyClock<Duration>
  private let origin: AnyClock<Duration>.Instant
  private let wallOrigin: Date

  /// A robot clock running on `clock`, whose wall time is `wallTimeAtStart` now.
  public init(_ clock: some Clock<Duration>, wallTimeAtStart: Date = Date()) {
    let erased = AnyClock(clock)
    self.clock = erased
    self.origin = erased.now
    self.wallOrigin = wallTimeAtStart
  }

  /// The real clock, with the wall time shifted by `offset` (a robot whose clock is off).
  public static func system(offset: Duration = .zero) -> RobotClock {
    RobotClock(ContinuousClock(), wallTimeAtStart: Date().addingTimeInterval(offset.seconds))
  }

  /// Now, on the monotonic clock.
  public var now: AnyClock<Duration>.Instant { self.clock.now }

  /// Now, in wall time.
  public var wallNow: Date { self.wallTime(at: self.now) }

  /// The wall time at `instant`.
  public func wallTime(at instant: AnyClock<Duration>.Instant) -> Date {
    self.wallOrigin.addingTimeInterval(self.origin.duration(to: instant).seconds)
  }

  /// The instant at wall time `date` (in the past or the future).
  public func instant(atWallTime date: Date) -> AnyClock<Duration>.Instant {
    self.origin.advanced(by: .seconds(date.timeIntervalSince(self.wallOrigin)))
  }

  /// The wall time at `instant`, as a protobuf timestamp.
  public func timestamp(at instant: AnyClock<Duration>.Instant) -> Google_Protobuf_Timestamp {
    Google_Protobuf_Timestamp(date: self.wallTime(at: instant))
  }

  /// The instant at the wall time `timestamp` shows.
  public func instant(at timestamp: Google_Protobuf_Timestamp) -> AnyClock<Duration>.Instant {
    self.instant(atWallTime: timestamp.date)
  }

  /// Sleeps until `deadline` on the monotonic clock.
  public func sleep(until deadline: AnyClock<Duration>.Instant) async throws {
    try await self.clock.sleep(until: deadline, tolerance: nil)
  }

  /// Sleeps for `duration` on the monotonic clock.
  public func sleep(for duration: Duration) async throws {
    try await self.clock.sleep(until: self.clock.now.advanced(by: duration), tolerance: nil)
  }
}

extension Duration {
  /// The duration in seconds, as a floating-point number.
  public var seconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}

extension AnyClock.Instant where Duration == Swift.Duration {
  /// The instant `duration` after `instant`, as for `ContinuousClock.Instant`.
  public static func + (instant: Self, duration: Duration) -> Self {
    instant.advanced(by: duration)
  }

  /// The instant `duration` before `instant`.
  public static func - (instant: Self, duration: Duration) -> Self {
    instant.advanced(by: .zero - duration)
  }

  /// How long after `earlier` the instant `later` is.
  public static func - (later: Self, earlier: Self) -> Duration {
    earlier.duration(to: later)
  }
}
