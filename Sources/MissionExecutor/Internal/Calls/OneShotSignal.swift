import Synchronization

/// A signal that fires once and wakes every waiter: how the executor cancels one call it owns
/// (a Tick whose node timed out) and wakes its loop for shutdown, without unstructured tasks.
final class OneShotSignal: Sendable {
  private enum State {
    case waiting([UInt64: CheckedContinuation<Void, Never>], nextID: UInt64)
    case fired
  }

  private let state = Mutex(State.waiting([:], nextID: 0))

  /// Whether ``fire()`` was called.
  var isFired: Bool {
    self.state.withLock {
      if case .fired = $0 { return true }
      return false
    }
  }

  /// Fires the signal; later calls do nothing.
  func fire() {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
      guard case .waiting(let waiters, _) = state else { return [] }
      state = .fired
      return Array(waiters.values)
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Returns when the signal fires or the calling task is cancelled.
  func wait() async {
    let id = self.state.withLock { state -> UInt64? in
      guard case .waiting(let waiters, let next) = state else { return nil }
      state = .waiting(waiters, nextID: next + 1)
      return next
    }
    guard let id else { return }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let resumeNow = self.state.withLock { state -> Bool in
          guard case .waiting(var waiters, let next) = state else { return true }
          if Task.isCancelled { return true }
          waiters[id] = continuation
          state = .waiting(waiters, nextID: next)
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
        guard case .waiting(var waiters, let next) = state else { return nil }
        let waiter = waiters.removeValue(forKey: id)
        state = .waiting(waiters, nextID: next)
        return waiter
      }
      waiter?.resume()
    }
  }
}
