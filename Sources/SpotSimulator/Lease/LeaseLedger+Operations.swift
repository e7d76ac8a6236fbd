public import BosdynAPI
import BosdynCore
import Synchronization
import Foundation
import SwiftProtobuf

extension LeaseLedger {
  /// AcquireLease: claims `resource` (and every resource under it) unless someone else holds
  /// part of it and is still alive.
  ///
  /// - Parameters:
  ///   - resource: The resource to claim, such as `body`.
  ///   - owner: Who asks; a holder with the same non-empty client name may re-acquire.
  /// - Returns: The response without its header: `STATUS_OK` with a fresh lease,
  ///   `STATUS_RESOURCE_ALREADY_CLAIMED` with the current owner, or `STATUS_INVALID_RESOURCE`.
  public func acquire(resource: String, owner: Bosdyn_Api_LeaseOwner)
    -> Bosdyn_Api_AcquireLeaseResponse
  {
    var response = Bosdyn_Api_AcquireLeaseResponse()
    guard self.hierarchy.contains(resource) else {
      response.status = .invalidResource
      return response
    }
    let leaves = self.hierarchy.leaves(of: resource)
    self.state.withLock { state in
      let now = self.clock.now
      self.expireStale(&state, now: now)
      for leaf in leaves {
        guard let current = state.leaves[leaf], current.held, let holder = current.owner else {
          continue
        }
        let isSelf = !owner.clientName.isEmpty && holder.clientName == owner.clientName
        if !isSelf {
          response.status = .resourceAlreadyClaimed
          response.leaseOwner = holder
          return
        }
      }
      response.status = .ok
      response.lease = self.issue(resource: resource, owner: owner, in: &state, now: now)
      response.leaseOwner = owner
    }
    return response
  }

  /// TakeLease: claims `resource` whoever holds it; the previous holder's leases become older.
  ///
  /// - Returns: The response without its header: `STATUS_OK` with a fresh lease, or
  ///   `STATUS_INVALID_RESOURCE`.
  public func take(resource: String, owner: Bosdyn_Api_LeaseOwner) -> Bosdyn_Api_TakeLeaseResponse {
    var response = Bosdyn_Api_TakeLeaseResponse()
    guard self.hierarchy.contains(resource) else {
      response.status = .invalidResource
      return response
    }
    self.state.withLock { state in
      let now = self.clock.now
      self.expireStale(&state, now: now)
      response.status = .ok
      response.lease = self.issue(resource: resource, owner: owner, in: &state, now: now)
      response.leaseOwner = owner
    }
    return response
  }

  /// ReturnLease: gives `lease`'s resource back. The lease must be the one the lease service
  /// issued for it, or a sublease of it (what a Python wallet holds), and still be held.
  ///
  /// - Returns: `STATUS_OK`, `STATUS_INVALID_RESOURCE` for an unknown resource, or
  ///   `STATUS_NOT_ACTIVE_LEASE` when the lease is not the current one.
  public func returnLease(_ lease: Bosdyn_Api_Lease) -> Bosdyn_Api_ReturnLeaseResponse.Status {
    guard self.hierarchy.contains(lease.resource) else { return .invalidResource }
    let leaves = self.hierarchy.leaves(of: lease.resource)
    return self.state.withLock { state in
      self.expireStale(&state, now: self.clock.now)
      let current = leaves.allSatisfy { leaf in
        guard let leafState = state.leaves[leaf], leafState.held,
          let issued = leafState.issued
        else { return false }
        return lease.isValid && lease.compare(to: issued, ignoringResources: true).isSameOrSub
      }
      guard current else { return .notActiveLease }
      for leaf in leaves {
        state.leaves[leaf]?.held = false
        state.leaves[leaf]?.stale = false
        state.leaves[leaf]?.owner = nil
      }
      return .ok
    }
  }

  /// How often an owner in this process should retain its lease: every second (as often as
  /// the tablet), or three times per ``Configuration/retainTimeout`` when that is shorter.
  public var retainInterval: Duration {
    min(.seconds(1), self.configuration.retainTimeout / 3)
  }

  /// RetainLease: the owner's keep-alive. Accepts the issued lease or any sublease of it (the
  /// wallet retains its own sublease even after a service used a deeper one).
  ///
  /// - Returns: The lease use result: `STATUS_OK` (the owner's timer restarts), `OLDER` when the
  ///   resource was taken since, `REVOKED` when it was returned or timed out, `WRONG_EPOCH`,
  ///   `UNMANAGED` or `INVALID_LEASE`.
  public func retain(_ lease: Bosdyn_Api_Lease) -> Bosdyn_Api_LeaseUseResult {
    var result = Bosdyn_Api_LeaseUseResult()
    result.attemptedLease = lease
    guard lease.isValid else {
      result.status = .invalidLease
      return result
    }
    guard self.hierarchy.contains(lease.resource) else {
      result.status = .unmanaged
      return result
    }
    let leaves = self.hierarchy.leaves(of: lease.resource)
    self.state.withLock { state in
      let now = self.clock.now
      self.expireStale(&state, now: now)
      result.status = .ok
      for leaf in leaves {
        guard let leafState = state.leaves[leaf], let issued = leafState.issued else {
          result.status = lease.epoch == self.epoch ? .revoked : .wrongEpoch
          break
        }
        let comparison = lease.compare(to: issued, ignoringResources: true)
        let status = comparison.leaseUseStatus()
        if status != .ok {
          result.status = status
          break
        }
        if comparison == .newer && !Self.derives(lease, from: issued) {
          // A sequence the robot never issued: forged.
          result.status = .invalidLease
          break
        }
        if !leafState.held { result.status = .revoked }
      }
      if result.status == .ok {
        for leaf in leaves { state.leaves[leaf]?.lastActivity = now }
      }
      self.fillDebugFields(&result, resource: lease.resource, leaves: leaves, state: state)
    }
    return result
  }

  /// ListLeases: every resource with its current lease and owner.
  ///
  /// - Parameter includeFullLeaseInfo: Also report the stale time and staleness, as the robot
  ///   does when asked.
  /// - Returns: The response without its header, including the resource tree.
  public func list(includeFullLeaseInfo: Bool) -> Bosdyn_Api_ListLeasesResponse {
    var response = Bosdyn_Api_ListLeasesResponse()
    response.resourceTree = self.configuration.resourceTree
    self.state.withLock { state in
      let now = self.clock.now
      self.expireStale(&state, now: now)
      for resource in self.hierarchy.allResources {
        let leaves = self.hierarchy.leaves(of: resource).compactMap { state.leaves[$0] }
        var entry = Bosdyn_Api_LeaseResource()
        entry.resource = resource
        if let maximum = Self.maximum(of: leaves.compactMap(\.issued), resource: resource) {
          entry.lease = maximum
        }
        let owners = Set(leaves.compactMap { $0.held ? $0.owner?.clientName : nil })
        if owners.count == 1, leaves.allSatisfy(\.held), let owner = leaves.first?.owner {
          entry.leaseOwner = owner
        } else if let owner = leaves.first(where: \.stale)?.owner, includeFullLeaseInfo {
          entry.leaseOwner = owner
        }
        if includeFullLeaseInfo {
          entry.isStale = leaves.contains(where: \.stale)
          if let latest = leaves.filter(\.held).map(\.lastActivity).min() {
            entry.staleTime = Google_Protobuf_Timestamp(
              date: self.clock.wallTime(at: latest + self.configuration.retainTimeout)
            )
          }
        }
        response.resources.append(entry)
      }
    }
    return response
  }

  // MARK: - Shared helpers

  /// Issues a new lease for `resource`, claiming every leaf under it.
  func issue(
    resource: String,
    owner: Bosdyn_Api_LeaseOwner,
    in state: inout State,
    now: RobotClock.Instant
  ) -> Bosdyn_Api_Lease {
    state.counter += 1
    var lease = Bosdyn_Api_Lease()
    lease.resource = resource
    lease.epoch = self.epoch
    lease.sequence = [state.counter]
    lease.clientNames = ["root"]
    for leaf in self.hierarchy.leaves(of: resource) {
      var leafLease = lease
      leafLease.resource = leaf
      state.leaves[leaf] = LeafState(
        issued: leafLease,
        active: leafLease,
        owner: owner,
        held: true,
        stale: false,
        lastActivity: now
      )
    }
    return lease
  }

  /// Revokes every hold whose owner has been silent longer than the retain timeout.
  func expireStale(_ state: inout State, now: RobotClock.Instant) {
    for (leaf, leafState) in state.leaves
    where leafState.held && now - leafState.lastActivity > self.configuration.retainTimeout {
      state.leaves[leaf]?.held = false
      state.leaves[leaf]?.stale = true
    }
  }

  /// The newest of `leases` (compared ignoring resources), renamed to `resource`, as the
  /// Python `LeaseValidator` folds a resource's leaves.
  static func maximum(of leases: [Bosdyn_Api_Lease], resource: String) -> Bosdyn_Api_Lease? {
    var best: Bosdyn_Api_Lease?
    for lease in leases where lease.isValid {
      guard let current = best else {
        best = lease
        continue
      }
      let comparison = current.compare(to: lease, ignoringResources: true)
      if comparison == .older || comparison == .superLease {
        best = lease
      }
    }
    best?.resource = resource
    return best
  }

  func fillDebugFields(
    _ result: inout Bosdyn_Api_LeaseUseResult,
    resource: String,
    leaves: [String],
    state: State
  ) {
    let leafStates = leaves.compactMap { state.leaves[$0] }
    if let latest = Self.maximum(of: leafStates.compactMap(\.active), resource: resource) {
      result.latestKnownLease = latest
    }
    if let owner = leafStates.first(where: \.held)?.owner ?? leafStates.first?.owner {
      result.owner = owner
    }
    result.latestResources = self.hierarchy.leaves(of: self.configuration.resourceTree.resource)
      .compactMap { state.leaves[$0]?.active }
  }
}

extension LeaseComparison {
  var isSameOrSub: Bool { self == .same || self == .subLease }
}
