import Synchronization

/// Runs the calls cycles produce, in a task group owned by whoever drives the cycles (the tick
/// loop or a test's manual cycles), and counts the calls in flight so tests can wait for them.
final class CallRunner: Sendable {
  private struct Counter {
    var inFlight = 0
    /// Who waits until at most so many calls are in flight.
    var waiters: [UInt64: (limit: Int, continuation: CheckedContinuation<Void, Never>)] = [:]
    var nextWaiter: UInt64 = 0
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
    await self.waitUntil(inFlightAtMost: 0)
  }

  /// Returns once at most `limit` calls are in flight (immediately when that is so already),
  /// or the calling task is cancelled.
  func waitUntil(inFlightAtMost limit: Int) async {
    let id = self.counter.withLock { counter -> UInt64 in
      counter.nextWaiter += 1
      return counter.nextWaiter
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let done = self.counter.withLock { counter -> Bool in
          if counter.inFlight <= limit || Task.isCancelled { return true }
          counter.waiters[id] = (limit, continuation)
          return false
        }
        if done { continuation.resume() }
      }
    } onCancel: {
      let waiter = self.counter.withLock { $0.waiters.removeValue(forKey: id) }
      waiter?.continuation.resume()
    }
  }

  private func finished() {
    let ready = self.counter.withLock { counter -> [CheckedContinuation<Void, Never>] in
      counter.inFlight -= 1
      let inFlight = counter.inFlight
      let ready = counter.waiters.filter { $0.value.limit >= inFlight }
      for id in ready.keys { counter.waiters.removeValue(forKey: id) }
      return ready.values.map(\.continuation)
    }
    for waiter in ready { waiter.resume() }
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
