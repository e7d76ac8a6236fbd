@testable import BosdynClient
import Foundation
import Logging
import Testing

@Suite("The Python SDK's log format")
struct BosdynLogHandlerTests {
  @Test func timestampsLookLikePythonsAsctime() throws {
    let stamp = BosdynLogHandler.timestamp()
    let pattern = #/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},\d{3}$/#
    #expect(stamp.wholeMatch(of: pattern) != nil, "\(stamp)")
  }

  @Test(arguments: [
    (Logger.Level.trace, "DEBUG"), (.debug, "DEBUG"), (.info, "INFO"), (.notice, "INFO"),
    (.warning, "WARNING"), (.error, "ERROR"), (.critical, "CRITICAL"),
  ])
  func levelNamesArePythons(level: Logger.Level, name: String) {
    #expect(BosdynLogHandler.levelName(level) == name)
  }
}
