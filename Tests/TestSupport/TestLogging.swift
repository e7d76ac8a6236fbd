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
