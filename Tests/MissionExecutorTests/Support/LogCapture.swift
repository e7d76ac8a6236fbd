import Logging
import Synchronization

/// Collects log messages so tests can read what a servicer said.
final class LogCapture: LogHandler, @unchecked Sendable {
  private let lines = Mutex<[String]>([])
  var logLevel: Logger.Level = .info
  var metadata: Logger.Metadata = [:]

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { nil }
    set {}
  }

  func log(event: LogEvent) {
    self.lines.withLock { $0.append(event.message.description) }
  }

  var messages: [String] { self.lines.withLock { $0 } }
  var logger: Logger { Logger(label: "capture") { _ in self } }
}
