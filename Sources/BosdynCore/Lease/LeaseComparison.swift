public import BosdynAPI

/// How one lease relates to another, as the robot and the Python SDK's `Lease.compare` see it.
///
/// Recency is a Lamport-style clock: leases of one resource and one epoch are ordered by their
/// sequence numbers, compared position by position; a longer sequence that agrees on the common
/// prefix is a sublease (a lease handed on to another client) and counts as newer than its parent.
public enum LeaseComparison: Sendable, Hashable, CaseIterable {
  /// Both leases are identical in resource, epoch and sequence.
  case same
  /// This lease is the parent of the other: the other is a sublease of this one.
  case superLease
  /// This lease is a sublease of the other.
  case subLease
  /// This lease is older than the other (the other may be a sublease of a newer lease).
  case older
  /// This lease is newer than the other (it may be a sublease of a newer lease).
  case newer
  /// The leases name different resources: their recency cannot be compared.
  case differentResources
  /// The leases come from different epochs (the lease service restarted): not comparable.
  case differentEpochs
  /// One of the leases has no resource or no sequence. Python refuses to build a `Lease` from
  /// such a proto; here the comparison says so instead of throwing.
  case invalid
}

extension LeaseComparison {
  /// The lease use status a service reports when a lease compares to the active lease like
  /// this, as Python's `Lease.compare_result_to_lease_use_result_status` maps it.
  ///
  /// - Parameter allowSuperLeases: Whether a parent of the active lease is still good enough
  ///   (normally it is older: someone subleased it and moved on).
  public func leaseUseStatus(allowSuperLeases: Bool = false) -> Bosdyn_Api_LeaseUseResult.Status {
    switch self {
    case .differentEpochs: .wrongEpoch
    case .differentResources: .unmanaged
    case .superLease: allowSuperLeases ? .ok : .older
    case .older: .older
    case .same, .subLease, .newer: .ok
    case .invalid: .invalidLease
    }
  }
}
