@testable import BosdynCore
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

  @Test func timestampsMatchFoundationsCalendar() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = .current
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = .current
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss,SSS"
    // Leap days, year ends, the epoch, before the epoch, far future.
    for seconds in [
      0, -1, 951_782_400, 951_868_799.75, 1_709_164_800.5, 1_735_689_599.125, -86_400 * 365,
      4_102_444_800, 1_764_067_200.25,
    ] as [Double] {
      let date = Date(timeIntervalSince1970: seconds)
      #expect(BosdynLogHandler.timestamp(date) == formatter.string(from: date), "\(seconds)")
    }
  }

  @Test(arguments: [
    (Logger.Level.trace, "DEBUG"), (.debug, "DEBUG"), (.info, "INFO"), (.notice, "INFO"),
    (.warning, "WARNING"), (.error, "ERROR"), (.critical, "CRITICAL"),
  ])
  func levelNamesArePythons(level: Logger.Level, name: String) {
    #expect(BosdynLogHandler.levelName(level) == name)
  }
}
