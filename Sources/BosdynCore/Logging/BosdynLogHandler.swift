import Foundation
import Synchronization

public import Logging

/// A swift-log handler writing the Python SDK's console format to standard error:
/// `2021-01-27 10:29:27,602 - INFO - Started the HelloWorldServicer server.`
///
/// The Python examples call `bosdyn.client.util.setup_logging()`; call
/// ``bootstrap(verbose:)`` once at start-up for the same output.
public struct BosdynLogHandler: LogHandler {
  /// Entries below this level are dropped.
  public var logLevel: Logger.Level
  /// Metadata attached to every entry of this logger, printed after the message.
  public var metadata: Logger.Metadata = [:]

  /// Creates a handler that writes entries at `level` and above.
  public init(level: Logger.Level = .info) {
    self.logLevel = level
  }

  /// Installs this handler for every `Logger` of the process, as Python's `setup_logging` does
  /// for the root logger; `verbose` lowers the level to debug.
  ///
  /// The environment variable `BOSDYN_LOG_LEVEL` (`debug`, `info`, `warning`, `error`, …)
  /// overrides the level, for example to silence per-tick logging in production.
  public static func bootstrap(verbose: Bool = false) {
    var level: Logger.Level = verbose ? .debug : .info
    if let name = ProcessInfo.processInfo.environment["BOSDYN_LOG_LEVEL"]?.lowercased() {
      level = Logger.Level(rawValue: name == "warn" ? "warning" : name) ?? level
    }
    let chosen = level
    LoggingSystem.bootstrap { _ in BosdynLogHandler(level: chosen) }
  }

  /// Reads or writes one metadata value.
  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { self.metadata[key] }
    set { self.metadata[key] = newValue }
  }

  /// Writes one entry as a single `write(2)`, so lines from concurrent tasks never interleave.
  public func log(event: LogEvent) {
    var line = Self.timestamp()
    line += " - "
    line += Self.levelName(event.level)
    line += " - "
    line += event.message.description
    if !self.metadata.isEmpty || !(event.metadata?.isEmpty ?? true) {
      let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
      line +=
        " "
        + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: " ")
    }
    line += "\n"
    line.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(2, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }

  /// The level names Python's `logging` prints.
  static func levelName(_ level: Logger.Level) -> String {
    switch level {
    case .trace, .debug: "DEBUG"
    case .info, .notice: "INFO"
    case .warning: "WARNING"
    case .error: "ERROR"
    case .critical: "CRITICAL"
    }
  }

  /// Local time as Python's `asctime`: `YYYY-MM-DD HH:MM:SS,mmm`.
  ///
  /// Computed from the epoch and the time zone's offset rather than with a date formatter:
  /// it runs for every logged Tick.
  static func timestamp(_ date: Date = Date()) -> String {
    // The date and time part changes once a second; every log line of that second reuses it.
    let epochSecond = Int64(date.timeIntervalSince1970.rounded(.down))
    let millis = Int64((date.timeIntervalSince1970 - Double(epochSecond)) * 1000)
    let prefix = Self.cachedPrefix.withLock { cache -> String in
      if cache.second != epochSecond {
        let full = Self.computeTimestamp(date)
        cache = (epochSecond, String(full.dropLast(3)))
      }
      return cache.prefix
    }
    let digits = String(millis)
    return prefix + String(repeating: "0", count: 3 - digits.count) + digits
  }

  private static let cachedPrefix = Mutex<(second: Int64, prefix: String)>((.min, ""))

  static func computeTimestamp(_ date: Date) -> String {
    let local = date.timeIntervalSince1970 + Double(TimeZone.current.secondsFromGMT(for: date))
    let seconds = Int64(local.rounded(.down))
    let millis = Int((local - Double(seconds)) * 1000)
    let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
    let (year, month, day) = Self.civilDate(daysSinceEpoch: secondOfDay < 0 ? days - 1 : days)
    let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
    func pad(_ value: Int64, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2)) \(pad(second / 3600, 2)):"
      + "\(pad(second / 60 % 60, 2)):\(pad(second % 60, 2)),\(pad(Int64(millis), 3))"
  }

  /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's
  /// `civil_from_days`).
  static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
