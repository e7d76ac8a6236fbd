public import BosdynAPI

extension Bosdyn_Api_Lease {
  /// A sublease of this lease for handing on to another client (Python's `create_sublease`).
  ///
  /// The sequence gains a trailing `0`, so the result compares as ``LeaseComparison/subLease``
  /// of this lease; the client name, when given, is appended to `clientNames` so the robot can
  /// tell who has used the lease.
  ///
  /// - Parameter clientName: The client the sublease is for, or `nil` to leave the names alone.
  public func sublease(clientName: String? = nil) -> Bosdyn_Api_Lease {
    var sublease = self
    sublease.sequence.append(0)
    if let clientName {
      sublease.clientNames.append(clientName)
    }
    return sublease
  }

  /// A lease newer than this one at the same depth (Python's `create_newer`): the last sequence
  /// number goes up by one, so the result compares as ``LeaseComparison/newer``.
  ///
  /// - Returns: `nil` when there is no sequence to increment or the last number is already
  ///   `UInt32.max` (Python raises in both cases).
  public func newer() -> Bosdyn_Api_Lease? {
    guard let last = self.sequence.last, last < UInt32.max else { return nil }
    var newer = self
    newer.sequence[newer.sequence.count - 1] = last + 1
    return newer
  }
}
