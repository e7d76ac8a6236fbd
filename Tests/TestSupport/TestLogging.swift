public import InMemoryLogging
public import Logging

import Foundation

/// Loggers for tests: silent by default, so a passing run prints only test results, and
/// everything to standard error when `BOSDYN_TEST_LOG` is set, to see what a failing test's
/// servers said.
public enum TestLogging {
  /// A logger labelled `label` that is silent unless `BOSDYN_TEST_LOG` is set.
  public static func logger(_ label: String) -> Logger {
    guard ProcessInfo.processInfo.environment["BOSDYN_TEST_LOG"] != nil else {
      return Logger(label: label, factory: { _ in SwiftLogNoOpLogHandler() })
    }
    var logger = Logger(label: label, factory: { StreamLogHandler.standardError(label: $0) })
    logger.logLevel = .trace
    return logger
  }
}

extension TestLogging {
  /// A logger whose lines a test can read back (swift-log's in-memory handler), to wait for
  /// something a service only logs, such as a keep-alive's failed attempts.
  ///
  /// - Returns: The logger and the handler holding its entries.
  public static func capturing(_ label: String, level: Logger.Level = .info)
    -> (Logger, InMemoryLogHandler)
  {
    var handler = InMemoryLogHandler()
    handler.logLevel = level
    let captured = handler
    return (Logger(label: label, factory: { _ in captured }), handler)
  }
}

extension InMemoryLogHandler {
  /// How many entries contain `text`.
  public func count(containing text: String) -> Int {
    self.entries.count { "\($0.message)".contains(text) }
  }
}
