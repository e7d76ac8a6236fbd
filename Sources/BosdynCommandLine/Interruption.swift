public import UnixSignals
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Ctrl+C and `kill` for a command-line program that must clean up on the robot before it
/// exits: the step in progress (logging in, powering on, playing) is cancelled at once, and the
/// program then stops what it started and returns its lease over a connection that stays open.
///
/// A `ServiceGroup`'s graceful shutdown does not fit here: it also shuts the robot connection
/// down, and the clean-up needs that connection. A second signal exits at once, without the
/// clean-up, for a robot that no longer answers.
///
/// ```swift
/// try await Interruption.withSignals { interruption in
///   try await interruption.interruptible { try await robot.authenticate(credentials) }
///   // …
/// }
/// ```
public final class Interruption: Sendable {
  /// Thrown by ``interruptible(_:)`` when a signal cancelled the step.
  public struct Interrupted: Error, CustomStringConvertible {
    /// The signal that arrived.
    public var signal: UnixSignal
    /// The conventional exit status of a program a signal ended: 128 plus its number.
    public var exitStatus: Int32 { 128 + self.signal.rawValue }
    public var description: String { "interrupted by \(self.signal)" }
  }

  private struct State {
    var signal: UnixSignal?
    var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
    var nextWaiter = 0
  }

  private let state = Mutex(State())

  /// An interruption that only ``trigger(_:)`` sets off; ``withSignals(_:_:)`` makes one that
  /// signals set off.
  public init() {}

  /// The signal that arrived, if one did.
  public var signal: UnixSignal? { self.state.withLock { $0.signal } }

  /// Sets the interruption off: steps in progress are cancelled, later ones do not start.
  public func trigger(_ signal: UnixSignal) {
    let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
      guard state.signal == nil else { return [] }
      state.signal = signal
      defer { state.waiters.removeAll() }
      return Array(state.waiters.values)
    }
    for waiter in waiters { waiter.resume() }
  }

  /// Throws ``Interrupted`` if a signal has arrived, so a clean-up can tell where it stopped.
  public func check() throws {
    if let signal = self.signal { throw Interrupted(signal: signal) }
  }

  /// Runs `body`, cancelling it when a signal arrives.
  ///
  /// - Returns: What `body` returns when it finishes first.
  /// - Throws: ``Interrupted`` when a signal arrived before or while `body` ran (whatever
  ///   `body` threw on being cancelled), else what `body` throws.
  public func interruptible<Value: Sendable>(
    _ body: @escaping @Sendable () async throws -> Value
  ) async throws -> Value {
    try self.check()
    let outcome = await withTaskGroup(of: Result<Value, any Error>?.self) { group in
      group.addTask {
        do { return .success(try await body()) } catch { return .failure(error) }
      }
      group.addTask {
        await self.waitForSignal()
        return nil
      }
      let first = await group.next() ?? nil
      group.cancelAll()
      return first
    }
    try self.check()
    // The signal task returns `nil` only after a signal, which `check()` reported.
    guard let outcome else { throw CancellationError() }
    return try outcome.get()
  }

  /// Waits until a signal arrives or the task is cancelled.
  private func waitForSignal() async {
    let id = self.state.withLock { state -> Int in
      state.nextWaiter += 1
      return state.nextWaiter
    }
    await withTaskCancellationHandler {
      await withCheckedContinuation { continuation in
        let resumeNow = self.state.withLock { state -> Bool in
          if state.signal != nil || Task.isCancelled { return true }
          state.waiters[id] = continuation
          return false
        }
        if resumeNow { continuation.resume() }
      }
    } onCancel: {
      let waiter = self.state.withLock { $0.waiters.removeValue(forKey: id) }
      waiter?.resume()
    }
  }

  /// Gives SIGINT its default action (end the process) back, for a program with nothing to
  /// clean up on the robot.
  ///
  /// A shell script that starts a program in the background starts it with SIGINT ignored
  /// (POSIX), and the program inherits that: without this, `kill -INT` and a Ctrl+C sent to
  /// the script's process group would not end it. Programs that trap signals with
  /// ``withSignals(_:_:)`` or a service group need not call it.
  public static func restoreDefaultInterruptAction() {
    #if canImport(Glibc)
      _ = Glibc.signal(SIGINT, SIG_DFL)
    #elseif canImport(Darwin)
      _ = Darwin.signal(SIGINT, SIG_DFL)
    #endif
  }

  /// Runs `body` with an interruption that SIGINT and SIGTERM set off; a second signal ends
  /// the process at once with status 128 + its number.
  ///
  /// The signals are trapped before `body` starts, so a program that prints a line first in
  /// `body` is ready for them once the line appears.
  ///
  /// - Parameters:
  ///   - signals: The signals to trap.
  ///   - body: The program's work.
  public static func withSignals<Value: Sendable>(
    _ signals: [UnixSignal] = [.sigint, .sigterm],
    _ body: (Interruption) async throws -> Value
  ) async throws -> Value {
    let interruption = Interruption()
    let sequence = await UnixSignalsSequence(trapping: signals)
    return try await withThrowingTaskGroup(of: Void.self, returning: Value.self) { group in
      group.addTask {
        for await signal in sequence {
          if interruption.signal != nil {
            exit(128 + signal.rawValue)
          }
          interruption.trigger(signal)
        }
      }
      defer { group.cancelAll() }
      return try await body(interruption)
    }
  }
}
