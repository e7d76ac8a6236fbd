import Synchronization

/// The runs started from the console, and the task group they run in.
///
/// ``run()`` is part of the console's service: every run executes inside it (no task outlives
/// the console), and a graceful shutdown cancels the runs in flight, which still send Stop and
/// TeardownSession before the console stops. The last ``keptRuns`` runs stay readable, so a
/// page reloaded after the end still shows what happened.
final class RunRegistry: Sendable {
  /// How many finished runs are kept.
  static let keptRuns = 50

  private struct State {
    var runs: [String: CallbackRun] = [:]
    var order: [String] = []
    var stopped = false
  }

  private let state = Mutex(State())
  private let pending: AsyncStream<CallbackRun>
  private let pendingContinuation: AsyncStream<CallbackRun>.Continuation
  private let executor: RunExecutor

  init(executor: RunExecutor) {
    self.executor = executor
    (self.pending, self.pendingContinuation) = AsyncStream.makeStream()
  }

  /// Queues `run`; it starts at once.
  ///
  /// - Returns: `false` when the console is shutting down (nothing is sent).
  func start(_ run: CallbackRun) -> Bool {
    let accepted = self.state.withLock { state -> Bool in
      guard !state.stopped else { return false }
      state.runs[run.id] = run
      state.order.append(run.id)
      while state.order.count > Self.keptRuns {
        let oldest = state.order.removeFirst()
        state.runs[oldest] = nil
      }
      return true
    }
    if accepted { self.pendingContinuation.yield(run) }
    return accepted
  }

  /// The run with id `id`, if it is still kept.
  func run(id: String) -> CallbackRun? {
    self.state.withLock { $0.runs[id] }
  }

  /// Executes every queued run until ``stop()``, then waits for the runs in flight.
  func run() async {
    await withDiscardingTaskGroup { group in
      for await run in self.pending {
        group.addTask { await self.executor.execute(run) }
      }
    }
  }

  /// Refuses new runs and cancels the ones in flight (they send Stop and TeardownSession).
  func stop() {
    let runs = self.state.withLock { state -> [CallbackRun] in
      state.stopped = true
      return Array(state.runs.values)
    }
    self.pendingContinuation.finish()
    for run in runs where run.outcome == nil { run.cancel() }
  }
}
