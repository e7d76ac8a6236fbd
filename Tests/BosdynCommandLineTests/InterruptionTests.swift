import BosdynCommandLine
import Testing
import UnixSignals

@Suite("Interrupting a command-line program's steps")
struct InterruptionTests {
  @Test func aStepThatFinishesReturnsItsValue() async throws {
    let interruption = Interruption()
    #expect(try await interruption.interruptible { 42 } == 42)
    #expect(interruption.signal == nil)
  }

  @Test func aSignalCancelsTheStepInProgressAndEveryLaterOne() async throws {
    let interruption = Interruption()
    let started = AsyncStream<Void>.makeStream()
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask {
        let error = await #expect(throws: Interruption.Interrupted.self) {
          try await interruption.interruptible {
            started.continuation.yield()
            // Waits until cancelled: only the interruption ends it.
            try await Task.sleep(for: .seconds(3600))
          }
        }
        #expect(error?.signal == .sigterm)
        #expect(error?.exitStatus == 143)
      }
      var iterator = started.stream.makeAsyncIterator()
      await iterator.next()
      interruption.trigger(.sigterm)
      try await group.waitForAll()
    }
    await #expect(throws: Interruption.Interrupted.self) {
      try await interruption.interruptible { 1 }
    }
    #expect(throws: Interruption.Interrupted.self) { try interruption.check() }
    // The first signal is the one reported.
    interruption.trigger(.sigint)
    #expect(interruption.signal == .sigterm)
  }

  @Test func aStepsOwnErrorPassesThroughWithoutASignal() async throws {
    struct Refused: Error {}
    let interruption = Interruption()
    await #expect(throws: Refused.self) {
      try await interruption.interruptible { () async throws -> Int in throw Refused() }
    }
  }
}
