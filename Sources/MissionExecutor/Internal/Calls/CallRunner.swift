import Synchronization

/// Runs the calls cycles produce, in a task group owned by whoever drives the cycles (the tick
/// loop or a test's manual cycles), and tracks the calls in flight so tests can wait for them.
///
/// Every call submitted is performed or refused, never lost. ``finish()`` cancels the calls in
/// flight: those running end as `.cancelled` unless their answer came first, and those still
/// queued start already cancelled, so they end as `.cancelled` without being sent. Calls
/// submitted after it are refused, for the caller to deliver as `.cancelled`. Either way the
/// node that made a call learns it was not answered (a Stop stays owed, for the farewell).
///
/// The queue is the runner's own, not an `AsyncStream`: a stream whose consuming task is
/// cancelled ends with the calls still buffered in it unseen, and a finished stream answers
/// `yield` with `.terminated`, easy to take for queued; both lost a Stop made while the driver
/// of the cycles wound down.
final class CallRunner: Sendable {
  private typealias Queued = (id: UInt64, call: PendingCall, batch: CallBatch?)

  private struct State {
    /// Calls submitted and not yet picked up by ``run(_:)``, oldest first.
    var queue: [Queued] = []
    /// ``run(_:)`` waiting for calls to be queued or for ``finish()``.
    var picker: CheckedContinuation<[Queued]?, Never>?
    var isFinished = false
    /// The cancellation signal of every call submitted and not yet finished, by the id the
    /// runner gave it: queued and running calls alike, fired by ``finish()``.
    var inFlight: [UInt64: OneShotSignal] = [:]
    var nextCall: UInt64 = 0
    /// Who waits until only calls of a given set are in flight.
    var waiters: [UInt64: (allowed: Set<UInt64>, continuation: CheckedContinuation<Void, Never>)] =
      [:]
    var nextWaiter: UInt64 = 0

    /// Whether every call in flight is one of `allowed` and not cancelled (a cancelled call
    /// ends at once, so it is waited for even when it was taken for hanging).
    func onlyInFlight(_ allowed: Set<UInt64>) -> Bool {
      self.inFlight.allSatisfy { allowed.contains($0.key) && !$0.value.isFired }
    }

    /// Takes the waiters that `onlyInFlight` now lets go, for the caller to resume.
    mutating func readyWaiters() -> [CheckedContinuation<Void, Never>] {
      let ready = self.waiters.filter { self.onlyInFlight($0.value.allowed) }
      for waiter in ready.keys { self.waiters.removeValue(forKey: waiter) }
      return ready.values.map(\.continuation)
    }
  }

  private let state = Mutex(State())

  /// Hands calls to the runner; they start as soon as ``run(_:)`` picks them up. Calls refused
  /// because the runner has finished count as finished in the batch.
  ///
  /// - Returns: A batch that tells when these calls have finished.
  @discardableResult
  func submit(_ calls: [PendingCall]) -> CallBatch {
    let batch = CallBatch(count: calls.count)
    for _ in self.enqueue(calls, batch: batch) { batch.finished() }
    return batch
  }

  /// Hands calls to the runner like ``submit(_:)``, returning those it refuses because it has
  /// finished (a Stop made while the cycles' driver was winding down): they were never sent.
  func submitFollowUps(_ calls: [PendingCall]) -> [PendingCall] {
    self.enqueue(calls, batch: nil)
  }

  /// Queues `calls` for ``run(_:)``, all of them or, once the runner has finished, none.
  ///
  /// - Returns: The calls refused.
  private func enqueue(_ calls: [PendingCall], batch: CallBatch?) -> [PendingCall] {
    guard !calls.isEmpty else { return [] }
    let (accepted, handOff) = self.state.withLock {
      state -> (Bool, (CheckedContinuation<[Queued]?, Never>, [Queued])?) in
      guard !state.isFinished else { return (false, nil) }
      for call in calls {
        state.nextCall += 1
        state.inFlight[state.nextCall] = call.cancellation
        state.queue.append((state.nextCall, call, batch))
      }
      guard let picker = state.picker else { return (true, nil) }
      state.picker = nil
      defer { state.queue.removeAll() }
      return (true, (picker, state.queue))
    }
    if let (picker, queued) = handOff { picker.resume(returning: queued) }
    return accepted ? [] : calls
  }

  /// Calls submitted and not yet finished.
  var inFlight: Int {
    self.state.withLock { $0.inFlight.count }
  }

  /// The ids of the calls submitted and not yet finished.
  var callsInFlight: Set<UInt64> {
    self.state.withLock { Set($0.inFlight.keys) }
  }

  /// Runs every submitted call in a child task, until ``finish()`` has been called and every
  /// call has ended; `perform` runs one call and delivers its result. Cancelling the calling
  /// task does not end it early (no call may be dropped unseen): ``finish()`` does.
  func run(_ perform: @escaping @Sendable (PendingCall) async -> Void) async {
    await withDiscardingTaskGroup { group in
      while let calls = await self.nextCalls() {
        for (id, call, batch) in calls {
          group.addTask {
            await perform(call)
            self.finished(id)
            batch?.finished()
          }
        }
      }
    }
  }

  /// The calls queued, once there are any; `nil` once the runner has finished and none is left.
  private func nextCalls() async -> [Queued]? {
    await withCheckedContinuation { continuation in
      let ready = self.state.withLock { state -> [Queued]?? in
        if !state.queue.isEmpty {
          defer { state.queue.removeAll() }
          return .some(state.queue)
        }
        if state.isFinished { return .some(nil) }
        state.picker = continuation
        return nil
      }
      if let ready { continuation.resume(returning: ready) }
    }
  }

  /// Refuses calls from now on and cancels those in flight; ``run(_:)`` returns once each has
  /// ended. Safe to call more than once.
  func finish() {
    let (cancellations, picker) = self.state.withLock {
      state -> ([OneShotSignal], CheckedContinuation<[Queued]?, Never>?) in
      state.isFinished = true
      defer { state.picker = nil }
      return (Array(state.inFlight.values), state.picker)
    }
    for cancellation in cancellations { cancellation.fire() }
    // A waiting picker means nothing is queued: run(_:) has only the running calls to await.
    picker?.resume(returning: nil)
  }

  /// Returns once no call is in flight (immediately when none is).
  func waitUntilIdle() async {
    await self.waitUntil(onlyInFlight: [])
  }

  /// Returns once every call in flight is one of `allowed` and not cancelled (immediately when
  /// that is so already), or the calling task is cancelled. Waiting on ids rather than a count
  /// means a call taken for hanging that ends does not stand in for a new call that has not
  /// answered; and a cancelled call, about to end, is waited for, so what its end sets off (a
  /// Stop that was waiting for the Tick) is seen.
  func waitUntil(onlyInFlight allowed: Set<UInt64>) async {
    let id = self.state.withLock { state -> UInt64 in
      state.nextWaiter += 1
      return state.nextWaiter
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let done = self.state.withLock { state -> Bool in
          if state.onlyInFlight(allowed) || Task.isCancelled { return true }
          state.waiters[id] = (allowed, continuation)
          return false
        }
        if done { continuation.resume() }
      }
    } onCancel: {
      let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
      waiter?.continuation.resume()
    }
  }

  private func finished(_ id: UInt64) {
    let ready = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
      state.inFlight.removeValue(forKey: id)
      return state.readyWaiters()
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
