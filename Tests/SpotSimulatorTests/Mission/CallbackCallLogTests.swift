import BosdynCore
import Foundation
import TestSupport
import Testing

@testable import SpotSimulator

/// The log of the mission service's calls to callbacks, which the console's timeline shows.
@Suite("Callback call log")
struct CallbackCallLogTests {
  struct Refused: Error, CustomStringConvertible {
    var description: String { "connection refused\u{1B}[2J" }
  }

  @Test func callsAreNumberedTimedOnTheRobotClockAndTheOldestDropped() async throws {
    let time = ManualTime()
    let log = CallbackCallLog(clock: time.clock, capacity: 3)
    let start = time.clock.wallNow
    for index in 1...4 {
      _ = try await log.record(
        service: "hello",
        rpc: "Tick",
        status: { (name: $0, failed: $0 != "STATUS_SUCCESS") }
      ) {
        await time.advance(by: .milliseconds(5 * index))
        return index == 2 ? "STATUS_FAILURE" : "STATUS_SUCCESS"
      }
    }
    let kept = log.calls()
    #expect(kept.map(\.number) == [2, 3, 4], "the first call was dropped beyond the capacity")
    #expect(kept.map(\.duration) == [.milliseconds(10), .milliseconds(15), .milliseconds(20)])
    #expect(kept.map(\.failed) == [true, false, false])
    #expect(
      abs(kept[0].started.timeIntervalSince(start) - 0.005) < 1e-5,
      "sent after call 1's 5 ms"
    )
    #expect(log.calls(from: 4).map(\.number) == [4])
    #expect(log.calls(from: 9).isEmpty)
    #expect(log.nextNumber == 5)
    #expect(log.nextConnection == 1)
    let opened: [Int] = [log.openConnection(), log.openConnection()]
    #expect(opened == [1, 2])
    #expect(log.nextConnection == 3)

    await #expect(throws: Refused.self) {
      try await log.record(service: "gone", rpc: "Stop", status: { (name: $0, failed: false) }) {
        () async throws -> String in throw Refused()
      }
    }
    let failure = try #require(log.calls(from: 5).first)
    #expect(failure.failed && failure.rpc == "Stop" && failure.service == "gone")
    #expect(failure.outcome == "connection refused\\u{1B}[2J", "control characters escaped")
  }
}
