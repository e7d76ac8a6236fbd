import Foundation

#if canImport(Glibc)
  import Glibc
#endif
#if canImport(CoreFoundation)
  import CoreFoundation
#endif
public import Logging

/// A swift-log handler writing the Python SDK's console format to standard error:
/// `2021-01-27 10:29:27,602 - INFO - Started the HelloWorldServicer server.`
///
/// The Python examples call `bosdyn.client.util.setup_logging()`; call
/// ``bootstrap(level:)`` once at start-up for the same output.
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
    let merged = self.metadata.merging(event.metadata ?? [:]) { $1 }
    if !merged.isEmpty {
      line += " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        .joined(separator: " ")
    }
    line += "\n"
    var bytes = Array(line.utf8)
    bytes.withUnsafeMutableBytes { buffer in
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
  static func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    localtime_r(&seconds, &parts)
    let millis = Int(now.tv_nsec / 1_000_000)
    return String(
      format: "%04d-%02d-%02d %02d:%02d:%02d,%03d", Int(parts.tm_year) + 1900,
      Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min),
      Int(parts.tm_sec), millis)
  }
}
