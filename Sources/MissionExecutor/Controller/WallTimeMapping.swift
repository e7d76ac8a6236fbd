public import Clocks
public import Foundation
public import SwiftProtobuf

/// Relates the executor's clock to the robot's wall-clock time.
///
/// The executor measures time on an injected clock (so tests can step it), but missions also
/// speak wall time: `DateToBlackboard` writes the date, each tick's state carries
/// `tick_start_timestamp`, and PlayMission's `pause_time` is a timestamp. The mapping pins one
/// instant of the clock to one wall-clock date; everything else follows by adding durations,
/// so a test that pins it gets the same dates on every run.
///
/// ```swift
/// let clock = TestClock()
/// let mapping = WallTimeMapping(
///   instant: AnyClock(clock).now, date: Date(timeIntervalSince1970: 1_700_000_000))
/// ```
public struct WallTimeMapping: Sendable {
  /// The clock instant that corresponds to ``date``.
  public var instant: AnyClock<Duration>.Instant
  /// The wall-clock date at ``instant``.
  public var date: Date

  /// Pins `instant` to `date`.
  public init(instant: AnyClock<Duration>.Instant, date: Date) {
    self.instant = instant
    self.date = date
  }

  /// Pins the clock's current instant to the system's current date: the production mapping.
  public static func now(on clock: AnyClock<Duration>) -> Self {
    Self(instant: clock.now, date: Date())
  }

  /// The wall-clock date at `instant`.
  public func date(at instant: AnyClock<Duration>.Instant) -> Date {
    let offset = self.instant.duration(to: instant)
    return self.date.addingTimeInterval(offset.seconds)
  }

  /// The wall-clock time at `instant` as a protobuf timestamp.
  public func timestamp(at instant: AnyClock<Duration>.Instant) -> Google_Protobuf_Timestamp {
    Google_Protobuf_Timestamp(date: self.date(at: instant))
  }

  /// The clock instant of a wall-clock timestamp, such as PlayMission's `pause_time`.
  public func instant(at timestamp: Google_Protobuf_Timestamp) -> AnyClock<Duration>.Instant {
    let seconds = timestamp.date.timeIntervalSince(self.date)
    return self.instant.advanced(by: .seconds(seconds))
  }
}

extension Duration {
  /// The duration in seconds, as a `Double`.
  var seconds: Double {
    let (seconds, attoseconds) = self.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }
}
