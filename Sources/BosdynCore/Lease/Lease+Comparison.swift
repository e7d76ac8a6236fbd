public import BosdynAPI

extension Bosdyn_Api_Lease {
  /// Whether the lease names a resource and carries a sequence, the two things every lease
  /// service checks before anything else (Python's `Lease.is_valid_proto`).
  public var isValid: Bool {
    !self.resource.isEmpty && !self.sequence.isEmpty
  }

  /// Compares this lease with `other` as the robot does.
  ///
  /// Leases of different resources or epochs are not comparable. Otherwise the first differing
  /// sequence number decides; when one sequence is a prefix of the other, the longer one is a
  /// sublease of the shorter. Client names never take part.
  ///
  /// ```swift
  /// let sub = lease.sublease(clientName: "power-off")
  /// lease.compare(to: sub)  // .superLease
  /// ```
  ///
  /// - Parameters:
  ///   - other: The lease to compare with.
  ///   - ignoringResources: Compare sequences even when the resources differ, as a service does
  ///     when it relates a sub-resource's lease to its parent's.
  /// - Returns: How this lease relates to `other`; ``LeaseComparison/invalid`` when either lease
  ///   is not ``isValid``.
  public func compare(to other: Bosdyn_Api_Lease, ignoringResources: Bool = false)
    -> LeaseComparison
  {
    guard self.isValid, other.isValid else { return .invalid }
    if !ignoringResources && self.resource != other.resource { return .differentResources }
    if self.epoch != other.epoch { return .differentEpochs }
    for (mine, theirs) in zip(self.sequence, other.sequence) where mine != theirs {
      return mine < theirs ? .older : .newer
    }
    if self.sequence.count < other.sequence.count { return .superLease }
    if self.sequence.count > other.sequence.count { return .subLease }
    return .same
  }

  /// Whether this lease was derived from `other` by subleasing, at any depth: same resource and
  /// epoch, and `other`'s sequence is a strict prefix of this one's.
  public func isSublease(of other: Bosdyn_Api_Lease) -> Bool {
    self.compare(to: other) == .subLease
  }

  /// Whether this lease is the same lease as `other` or a sublease of it: what a service that
  /// was handed `other` accepts from its own callers.
  public func isSameOrSublease(of other: Bosdyn_Api_Lease) -> Bool {
    let comparison = self.compare(to: other)
    return comparison == .same || comparison == .subLease
  }
}
