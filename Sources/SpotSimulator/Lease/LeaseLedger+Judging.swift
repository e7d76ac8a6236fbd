public import BosdynAPI
import BosdynCore
import Synchronization

extension LeaseLedger {
  /// Judges the leases a command carries, as the robot's lease-checking services do.
  ///
  /// The lease for `resource` (or for a resource above it, such as `body` for `mobility`) is
  /// compared with the newest lease the robot has seen for that resource, the way the Python
  /// `LeaseValidator` does: the same lease, a sublease of it (what a mission service hands on)
  /// or a newer one is `STATUS_OK` and becomes the newest seen; a parent of a sublease already
  /// used, or a lease from before a take, is `STATUS_OLDER`; another epoch is
  /// `STATUS_WRONG_EPOCH`. Unlike the validator, the ledger knows ownership: a lease whose
  /// resource was returned or timed out is `STATUS_REVOKED`, and a lease newer than any the
  /// robot issued — not the issued lease or one derived from it (a sublease, or a sublease a
  /// client advanced) — is forged and `STATUS_INVALID_LEASE`. A good lease counts as a sign of
  /// life for the owner.
  ///
  /// - Parameters:
  ///   - leases: The leases sent with the command (the first that covers `resource` is used).
  ///   - resource: The resource the command needs.
  /// - Returns: The lease use result to put in the response, with the debug fields filled.
  public func judge(_ leases: [Bosdyn_Api_Lease], resource: String = "body")
    -> Bosdyn_Api_LeaseUseResult
  {
    var result = Bosdyn_Api_LeaseUseResult()
    let chosen =
      leases.first { $0.resource == resource }
      ?? leases.first { self.hierarchy.isWithin(resource, $0.resource) }
      ?? leases.first
    guard let lease = chosen else {
      result.status = .invalidLease
      return result
    }
    result.attemptedLease = lease
    guard lease.isValid else {
      result.status = .invalidLease
      return result
    }
    guard self.hierarchy.contains(lease.resource),
      self.hierarchy.isWithin(resource, lease.resource)
    else {
      result.status = .unmanaged
      return result
    }
    let leaves = self.hierarchy.leaves(of: lease.resource)
    self.state.withLock { state in
      let now = self.clock.now
      self.expireStale(&state, now: now)
      let leafStates = leaves.compactMap { state.leaves[$0] }
      guard let newest = Self.maximum(of: leafStates.compactMap(\.active), resource: lease.resource)
      else {
        // Nothing was ever issued: no lease of this epoch can be genuine.
        result.status = lease.epoch == self.epoch ? .revoked : .wrongEpoch
        return
      }
      result.previousLease = newest
      let comparison = lease.compare(to: newest)
      result.status = comparison.leaseUseStatus()
      if result.status == .ok, comparison == .newer,
        !leafStates.allSatisfy({ $0.issued.map { Self.derives(lease, from: $0) } ?? false })
      {
        result.status = .invalidLease
      }
      if result.status == .ok && !leafStates.allSatisfy(\.held) {
        result.status = .revoked
      }
      if result.status == .ok {
        for leaf in leaves {
          state.leaves[leaf]?.lastActivity = now
          if comparison != .same {
            var leafLease = lease
            leafLease.resource = leaf
            state.leaves[leaf]?.active = leafLease
          }
        }
      }
      self.fillDebugFields(&result, resource: lease.resource, leaves: leaves, state: state)
    }
    return result
  }

  /// Whether `lease` is `issued` or was derived from it by subleasing and advancing: same
  /// epoch, and `issued`'s sequence is where `lease`'s starts.
  static func derives(_ lease: Bosdyn_Api_Lease, from issued: Bosdyn_Api_Lease) -> Bool {
    lease.epoch == issued.epoch && lease.sequence.count >= issued.sequence.count
      && lease.sequence.starts(with: issued.sequence)
  }
}
