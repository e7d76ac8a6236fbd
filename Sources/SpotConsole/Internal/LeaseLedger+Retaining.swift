import BosdynAPI
import BosdynCore
import SpotSimulator

extension LeaseLedger {
  /// Runs `body` while retaining `lease` every ``LeaseLedger/retainInterval``, as the tablet's
  /// keep-alive does for a lease it gave an action: the robot revokes a lease nobody retains.
  ///
  /// When a retain is refused (another client took the lease), retaining stops and
  /// `onLost` gets the refusal; `body` runs on, and decides for itself what the loss means.
  func whileRetaining<Value: Sendable>(
    _ lease: Bosdyn_Api_Lease,
    onLost: @escaping @Sendable (Bosdyn_Api_LeaseUseResult) -> Void = { _ in },
    _ body: () async -> Value
  ) async -> Value {
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        while !Task.isCancelled {
          let retained = self.retain(lease)
          guard retained.status == .ok else {
            onLost(retained)
            return
          }
          do { try await self.clock.sleep(for: self.retainInterval) } catch { return }
        }
      }
      let value = await body()
      group.cancelAll()
      return value
    }
  }
}
