public import BosdynAPI
public import BosdynCore
import GRPCCore
import Synchronization

/// The leases a client holds, one per resource, and what the robot last said about them
/// (Python's `LeaseWallet`).
///
/// A lease added to the wallet is used as a sublease carrying the wallet's client name, as the
/// Python SDK does, so the robot can tell which client used it. Lease use results from the
/// robot update the wallet: a newer lease seen elsewhere means someone else owns the resource
/// now; a revoked or wrong-epoch lease is gone.
public final class LeaseWallet: Sendable {
  /// What the wallet knows about one resource.
  public enum LeaseState: Sendable, Equatable {
    /// The wallet holds the lease; `current` is what calls should carry.
    case owned(original: Lease, current: Lease)
    /// The robot reported a newer lease held by this owner.
    case otherOwner(Bosdyn_Api_LeaseOwner)
    /// The robot revoked the lease.
    case revoked
    /// The robot no longer knows the lease (it restarted: wrong epoch).
    case unowned
  }

  /// The name appended to the client names of subleases made from added leases.
  public let clientName: String?
  private let states = Mutex<[String: LeaseState]>([:])

  /// Creates an empty wallet.
  ///
  /// - Parameter clientName: Appended to the leases' `client_names` when they are used.
  public init(clientName: String? = nil) {
    self.clientName = clientName
  }

  /// Puts a lease in the wallet, replacing any lease of the same resource.
  public func add(_ lease: Lease) {
    let current = lease.sublease(clientName: self.clientName)
    self.states.withLock { $0[lease.resource] = .owned(original: lease, current: current) }
  }

  /// Forgets the lease of a resource.
  public func remove(resource: String) {
    self.states.withLock { _ = $0.removeValue(forKey: resource) }
  }

  /// What the wallet knows about a resource, or `nil` if it never held it.
  public func state(of resource: String = LeaseClient.bodyResource) -> LeaseState? {
    self.states.withLock { $0[resource] }
  }

  /// The lease to send with calls that use `resource`.
  ///
  /// - Throws: ``/BosdynCore/ClientError`` with code `leaseNotOwned` when the wallet does not
  ///   hold it (never added, taken by someone else, revoked).
  public func lease(for resource: String = LeaseClient.bodyResource) throws -> Lease {
    let state = self.states.withLock { $0[resource] }
    guard case .owned(_, let current) = state else {
      throw Self.notOwned(resource, state)
    }
    return current
  }

  /// Replaces the current lease with a newer one of the same depth and returns it (Python's
  /// `advance`), for a client that wants to supersede its own earlier commands.
  public func advance(resource: String = LeaseClient.bodyResource) throws -> Lease {
    try self.states.withLock { states in
      guard case .owned(let original, let current) = states[resource],
        let newer = current.newer()
      else {
        throw Self.notOwned(resource, states[resource])
      }
      states[resource] = .owned(original: original, current: newer)
      return newer
    }
  }

  /// Updates the wallet from a lease use result the robot returned.
  ///
  /// - `OLDER`: someone else holds a newer lease, unless the wallet's lease is already at least
  ///   as new as the robot's latest known one (the result is stale).
  /// - `REVOKED`, `WRONG_EPOCH` for the wallet's current lease: the lease is gone.
  public func onLeaseUseResult(_ result: Bosdyn_Api_LeaseUseResult) {
    let resource = result.attemptedLease.resource
    self.states.withLock { states in
      guard case .owned(_, let current) = states[resource] else { return }
      switch result.status {
      case .older:
        if result.latestKnownLease.isValid {
          let comparison = current.compare(to: result.latestKnownLease)
          if comparison == .newer || comparison == .same { return }
        }
        states[resource] = .otherOwner(result.owner)
      case .wrongEpoch:
        if result.attemptedLease.compare(to: current) == .same { states[resource] = .unowned }
      case .revoked:
        if result.attemptedLease.compare(to: current) == .same { states[resource] = .revoked }
      case .ok, .unknown, .invalidLease, .unmanaged, .UNRECOGNIZED:
        return
      }
    }
  }

  private static func notOwned(_ resource: String, _ state: LeaseState?) -> ClientError {
    let why: String
    switch state {
    case nil, .owned: why = "the wallet holds no lease for '\(resource)'"
    case .otherOwner(let owner):
      why = "'\(resource)' is now held by client '\(owner.clientName)'"
    case .revoked: why = "the lease on '\(resource)' was revoked"
    case .unowned: why = "the lease on '\(resource)' is from an old epoch (the robot restarted)"
    }
    return ClientError(
      code: .leaseNotOwned,
      message: why,
      method: Bosdyn_Api_LeaseService.Method.RetainLease.descriptor.fullyQualifiedMethod,
      layer: .response
    )
  }
}
