import Synchronization

/// Runs the calls cycles produce, in a task group owned by whoever drives the cycles (the tick
/// loop or a test's manual cycles), and counts the calls in flight so tests can wait for them.
final class CallRunner: Sendable {
  private struct Counter {
    var inFlight = 0
    var waiters: [CheckedContinuation<Void, Never>] = []
  }

  private let stream: AsyncStream<(PendingCall, CallBatch?)>
  private let continuation: AsyncStream<(PendingCall, CallBatch?)>.Continuation
  private let counter = Mutex(Counter())

  init() {
    (self.stream, self.continuation) = AsyncStream.makeStream(
      of: (PendingCall, CallBatch?).self
    )
  }

  /// Hands calls to the runner; they start as soon as ``run(_:)`` picks them up.
  ///
  /// - Returns: A batch that tells when these calls have finished.
  @discardableResult
  func submit(_ calls: [PendingCall]) -> CallBatch {
    let batch = CallBatch(count: calls.count)
    guard !calls.isEmpty else { return batch }
    self.counter.withLock { $0.inFlight += calls.count }
    for call in calls {
      if case .dropped = self.continuation.yield((call, batch)) {
        self.finished()
        batch.finished()
      }
    }
    return batch
  }

  /// Hands calls to the runner like ``submit(_:)``, returning those it no longer accepts because
  /// it has finished (a Stop made while the cycles' driver was winding down).
  func submitFollowUps(_ calls: [PendingCall]) -> [PendingCall] {
    guard !calls.isEmpty else { return [] }
    self.counter.withLock { $0.inFlight += calls.count }
    var dropped: [PendingCall] = []
    for call in calls {
      if case .dropped = self.continuation.yield((call, nil)) {
        self.finished()
        dropped.append(call)
      }
    }
    return dropped
  }

  /// Calls submitted and not yet finished.
  var inFlight: Int {
    self.counter.withLock { $0.inFlight }
  }

  /// Runs every submitted call in a child task until ``finish()``; `perform` runs one call and
  /// delivers its result.
  func run(_ perform: @escaping @Sendable (PendingCall) async -> Void) async {
    await withDiscardingTaskGroup { group in
      for await (call, batch) in self.stream {
        group.addTask {
          await perform(call)
          self.finished()
          batch?.finished()
        }
      }
    }
  }

  /// Stops accepting calls; ``run(_:)`` returns once the calls in flight are done.
  func finish() {
    self.continuation.finish()
  }

  /// Returns once no call is in flight (immediately when none is).
  func waitUntilIdle() async {
    await withCheckedContinuation { continuation in
      let idle = self.counter.withLock { counter -> Bool in
        if counter.inFlight == 0 { return true }
        counter.waiters.append(continuation)
        return false
      }
      if idle { continuation.resume() }
    }
  }

  private func finished() {
    let waiters = self.counter.withLock { counter -> [CheckedContinuation<Void, Never>] in
      counter.inFlight -= 1
      guard counter.inFlight == 0 else { return [] }
      defer { counter.waiters.removeAll() }
      return counter.waiters
    }
    for waiter in waiters { waiter.resume() }
  }
}

/// The calls of one submission, so a caller can wait for exactly those.
final class CallBatch: Sendable {
  private let remaining: Mutex<Int>
  private let done = OneShotSignal()

  init(count: Int) {
    self.remaining = Mutex(count)
    if count <= 0 { self.done.fire() }
  }

  func finished() {
    let left = self.remaining.withLock { remaining -> Int in
      remaining -= 1
      return remaining
    }
    if left <= 0 { self.done.fire() }
  }

  /// Returns once every call of the batch has finished, or the calling task is cancelled.
  func wait() async {
    await self.done.wait()
  }
}
