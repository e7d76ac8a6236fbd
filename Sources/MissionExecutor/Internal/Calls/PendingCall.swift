import Clocks

/// A call to the world outside the tree (a remote mission service, the robot), produced by a
/// cycle and run by the controller's call runner.
struct PendingCall: Sendable {
  /// The mission the call belongs to: results for a replaced mission are dropped.
  let missionID: Int64
  /// The node that made the call (its pre-order index), or `nil` for calls nobody waits on.
  let node: Int?
  /// Tells the node which of its calls answered.
  let token: UInt64
  /// When the call is abandoned, on the executor's clock; `nil` for none.
  let deadline: AnyClock<Duration>.Instant?
  /// Fired to abandon the call early.
  let cancellation: OneShotSignal
  /// The call itself.
  let body: @Sendable () async throws -> any Sendable
}

extension PendingCall {
  /// Runs the call, racing it against its deadline on `clock` and its cancellation signal. A
  /// call cancelled before it starts (still queued when its runner finished) is not sent at
  /// all: racing it would send it, or not, by chance.
  func perform(on clock: AnyClock<Duration>) async -> CallResult {
    if self.cancellation.isFired { return .cancelled }
    return await withTaskGroup(of: CallResult.self) { group in
      group.addTask {
        do {
          return .answered(try await self.body())
        } catch {
          return .failed(String(describing: error))
        }
      }
      group.addTask {
        await self.cancellation.wait()
        return .cancelled
      }
      if let deadline = self.deadline {
        group.addTask {
          do {
            try await clock.sleep(until: deadline)
            return .timedOut
          } catch {
            return .cancelled
          }
        }
      }
      let first = await group.next() ?? .cancelled
      group.cancelAll()
      return first
    }
  }
}
